/**
 * The defects of docs/research/issue-15-audit.md sections 1 and 2, each proved on the synthesized NSGs
 * of the 2015 legacy example, the former reference with every role the library builds, Persistent Chat
 * included (West hosts the Central Management store, North is its paired backup pool).
 * A documented flow must be allowed by an explicit rule that carries it (the firewall plan equals
 * Microsoft's tables), not by Azure's default AllowVnetInBound; an undocumented one must be denied.
 */
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { ServerRole, TopologyModel } from '../../lib/model/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { OUTSIDE, segmentation } from './checks';
import { Connection } from './nsg-evaluator';

const stack = new TerraformStack(Testing.app(), 'sfb-reference');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const topology = buildSfb2015Topology(stack);
const json = JSON.parse(Testing.synth(stack, true));
const model: TopologyModel = topology.deployment._toModel();
const seg = segmentation(model, json);

const at = (role: ServerRole, subnet: string, site: string) =>
  model.servers.filter((s) => s.role === role && s.sitePath?.endsWith(`/${site}`)).flatMap((s) => s.nics.filter((n) => n.subnet === subnet).map((n) => n.privateIp));
const frontEnds = (site: string) => at(ServerRole.FRONT_END, 'front-end', site);
const sql = (site: string) => at(ServerRole.BACK_END, 'back-end', site);
const edgeInternal = (site: string) => at(ServerRole.EDGE, 'edge-internal', site);
const edgeExternal = (site: string) => {
  const first = new Set(at(ServerRole.EDGE, 'perimeter', site));
  return Object.values<any>(json.resource.azurerm_network_interface).filter((n) => first.has(n.ip_configuration[0].private_ip_address)).map((n) => n.ip_configuration.map((c: any) => c.private_ip_address as string));
};
const directors = (site: string) => at(ServerRole.DIRECTOR, 'director', site);
const mediation = (site: string) => at(ServerRole.MEDIATION, 'mediation', site);
const chat = (site: string) => at(ServerRole.PERSISTENT_CHAT, 'persistent-chat', site);

/** Every connection from each source to each destination is allowed by an explicit rule carrying `key`. */
function explicitlyAllowed(key: string, sources: readonly string[], destinations: readonly string[], protocol: 'Tcp' | 'Udp', port: number): string[] {
  expect(sources.length).toBeGreaterThan(0);
  expect(destinations.length).toBeGreaterThan(0);
  const wrong: string[] = [];
  for (const sourceIp of sources) {
    for (const destinationIp of destinations) {
      if (sourceIp === destinationIp) continue;
      const c: Connection = { sourceIp, destinationIp, protocol, port };
      const d = seg.evaluator.decide(c);
      const rule = d && model.flows.find((f) => f.name === d.rule && (f.flowKeys ?? []).includes(key));
      if (d?.access !== 'Allow' || !rule) wrong.push(`${sourceIp} -> ${destinationIp} ${protocol}/${port}: ${d?.access} by ${d?.rule}, not by a rule carrying ${key}`);
    }
  }
  return wrong;
}

/** Every connection is denied, by one of our rules (not left to Azure's defaults). */
function denied(sources: readonly string[], destinations: readonly string[], protocol: 'Tcp' | 'Udp', port: number): string[] {
  expect(sources.length).toBeGreaterThan(0);
  expect(destinations.length).toBeGreaterThan(0);
  const wrong: string[] = [];
  for (const sourceIp of sources) {
    for (const destinationIp of destinations) {
      const d = seg.evaluator.decide({ sourceIp, destinationIp, protocol, port });
      if (d?.access !== 'Deny') wrong.push(`${sourceIp} -> ${destinationIp} ${protocol}/${port}: ${d?.access} by ${d?.rule}`);
    }
  }
  return wrong;
}

describe('issue 15 audit, section 1: segmentation', () => {
  test('N1: the perimeter reaches no SQL server on 1433, in its own site or the other (AllowVnetInBound is overridden)', () => {
    expect(denied(edgeExternal('west').flat(), [...sql('west'), ...sql('north')], 'Tcp', 1433)).toEqual([]);
    expect(denied(edgeExternal('north').flat(), sql('west'), 'Tcp', 1433)).toEqual([]);
  });

  test('N1: the Edge external subnet reaches neither the Front Ends nor the back end, on SIP, SMB or RDP', () => {
    for (const port of [5061, 445, 3389]) expect(denied(edgeExternal('west').flat(), [...frontEnds('west'), ...sql('west')], 'Tcp', port)).toEqual([]);
  });

  test('N2: Windows Fabric (5090-5094) and the local user store (5077) between a pool\'s own Front Ends, and not from the other pool', () => {
    expect(explicitlyAllowed('fe-pool-windows-fabric', frontEnds('west'), frontEnds('west'), 'Tcp', 5090)).toEqual([]);
    const [a, b] = frontEnds('west');
    expect(explicitlyAllowed('fe-pool-local-user-store', [a], [b], 'Tcp', 5077)).toEqual([]);
    expect(denied(frontEnds('north'), frontEnds('west'), 'Tcp', 5091)).toEqual([]);
  });

  test('N3: 445 and 1434/UDP reach the Front Ends only from the CMS pool and its standby; Edge internal and SQL reach no Front End service they do not use', () => {
    expect(explicitlyAllowed('cms-to-servers-smb-fe', frontEnds('west'), frontEnds('north'), 'Tcp', 445)).toEqual([]);
    expect(denied([...edgeInternal('west'), ...sql('west'), ...directors('west')], frontEnds('west'), 'Tcp', 445)).toEqual([]);
    expect(denied(edgeInternal('west'), frontEnds('west'), 'Tcp', 443)).toEqual([]);
    expect(denied(sql('west'), frontEnds('west'), 'Tcp', 5061)).toEqual([]);
    expect(denied(edgeInternal('west'), frontEnds('west'), 'Udp', 1434)).toEqual([]);
  });
});

describe('issue 15 audit, section 2: missing and extra flows', () => {
  test('F1: no inbound 50000-59999 from the Internet to the A/V Edge (TCP or UDP); STUN 3478/UDP and 443/TCP stay open', () => {
    const av = edgeExternal('west').map((addresses) => addresses[2]);
    for (const protocol of ['Tcp', 'Udp'] as const) for (const port of [50000, 55000, 59999]) expect(denied([OUTSIDE.internet], av, protocol, port)).toEqual([]);
    expect(explicitlyAllowed('internet-to-edge-ext-av-stun-udp', [OUTSIDE.internet], av, 'Udp', 3478)).toEqual([]);
    expect(explicitlyAllowed('internet-to-edge-ext-av-stun-tcp', [OUTSIDE.internet], av, 'Tcp', 443)).toEqual([]);
  });

  test('F2: CMS replication (4443) reaches every Edge from the CMS pool and from its standby (the paired pool)', () => {
    for (const site of ['west', 'north']) {
      expect(explicitlyAllowed('fe-to-edge-int-cms-replication', [...frontEnds('west'), ...frontEnds('north')], edgeInternal(site), 'Tcp', 4443)).toEqual([]);
    }
    expect(denied(directors('west'), edgeInternal('west'), 'Tcp', 4443)).toEqual([]);
  });

  test('F3: Director to the Edge internal interface on 5061, from every site', () => {
    expect(explicitlyAllowed('director-to-edge-int-sip', [...directors('west'), ...directors('north')], [...edgeInternal('west'), ...edgeInternal('north')], 'Tcp', 5061)).toEqual([]);
  });

  test('F4: internal clients and Mediation Servers to the Edge internal interface on 3478/UDP and 443/TCP', () => {
    expect(explicitlyAllowed('clients-to-edge-int-stun-udp', [OUTSIDE.client], edgeInternal('west'), 'Udp', 3478)).toEqual([]);
    expect(explicitlyAllowed('clients-to-edge-int-stun-tcp', [OUTSIDE.client], edgeInternal('west'), 'Tcp', 443)).toEqual([]);
    expect(explicitlyAllowed('mediation-to-edge-int-stun-udp', mediation('north'), edgeInternal('west'), 'Udp', 3478)).toEqual([]);
    expect(explicitlyAllowed('mediation-to-edge-int-stun-tcp', mediation('west'), edgeInternal('north'), 'Tcp', 443)).toEqual([]);
  });

  test('F5: 445 from the CMS pool and its standby, and SQL Browser 1434/UDP, into the Director, Mediation and Persistent Chat servers', () => {
    const cms = [...frontEnds('west'), ...frontEnds('north')];
    expect(explicitlyAllowed('cms-to-servers-smb-director', cms, directors('north'), 'Tcp', 445)).toEqual([]);
    expect(explicitlyAllowed('cms-to-servers-sql-browser-director', cms, directors('west'), 'Udp', 1434)).toEqual([]);
    expect(explicitlyAllowed('cms-to-servers-smb-mediation', cms, mediation('west'), 'Tcp', 445)).toEqual([]);
    expect(explicitlyAllowed('cms-to-servers-sql-browser-mediation', cms, mediation('north'), 'Udp', 1434)).toEqual([]);
    expect(explicitlyAllowed('cms-to-servers-smb-chat', cms, chat('west'), 'Tcp', 445)).toEqual([]);
    expect(explicitlyAllowed('cms-to-servers-sql-browser-chat', cms, chat('north'), 'Udp', 1434)).toEqual([]);
  });

  test('F6: the Persistent Chat File Transfer Service (443) from internal clients', () => {
    expect(explicitlyAllowed('clients-to-chat-file-transfer', [OUTSIDE.client], [...chat('west'), ...chat('north')], 'Tcp', 443)).toEqual([]);
  });

  test('F8: Directors reach the Front Ends\' web farm on 80 (first contact) and 443', () => {
    expect(explicitlyAllowed('director-to-fe-web', directors('west'), [...frontEnds('west'), ...frontEnds('north')], 'Tcp', 80)).toEqual([]);
    expect(explicitlyAllowed('director-to-fe-web', directors('north'), frontEnds('west'), 'Tcp', 443)).toEqual([]);
  });

  test('F9: Mediation Servers reach their next-hop Front Ends on 5061', () => {
    expect(explicitlyAllowed('mediation-to-fe-sip', [...mediation('west'), ...mediation('north')], [...frontEnds('west'), ...frontEnds('north')], 'Tcp', 5061)).toEqual([]);
  });
});
