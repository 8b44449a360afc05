/**
 * Segmentation of the reference topology (examples/reference), proved on the synthesized NSGs
 * (nsg-evaluator.ts reads only the JSON): every documented flow is allowed between the actual servers,
 * and nothing else is, in particular what issue 15 found open (perimeter → SQL 1433, Internet → Front
 * End, Edge external → back end, one site's perimeter → the other site's SQL).
 */
import { AzurermProvider } from '../../lib/azurerm';
import { TerraformStack, Testing } from '../../lib/cdktf';
import { ServerRole, TopologyModel } from '../../lib/model/topology';
import { buildReferenceTopology, ReferenceTopology } from '../../examples/reference/topology';
import { buildSfb2015Topology } from '../../examples/sfb2015/topology';
import { CONNECTED, deniedDocumented, modelDisagreements, OUTSIDE, PROBE_PORTS, segmentation, SENSITIVE_PORTS, undocumentedAllowed } from './checks';
import { HOST_IP } from './nsg-evaluator';

function build(lab = false): { json: any; model: TopologyModel; topology: ReferenceTopology } {
  const stack = new TerraformStack(Testing.app(), 'sfb-reference');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const topology = buildReferenceTopology(stack, lab ? { lab: {} } : {});
  return { json: JSON.parse(Testing.synth(stack, true)), model: topology.deployment._toModel(), topology };
}

const { json, model } = build();
const seg = segmentation(model, json);
const serversOf = (role: ServerRole, site?: string) =>
  model.servers.filter((s) => s.role === role && (!site || s.sitePath?.endsWith(`/${site}`)));
const addressesOf = (role: ServerRole, subnet: string, site?: string) => serversOf(role, site).flatMap((s) => s.nics.filter((n) => n.subnet === subnet).map((n) => n.privateIp));
/** Every address of the Edge external NICs (access, webconf, A/V) of a site. */
const perimeter = (site?: string) => {
  const first = new Set(addressesOf(ServerRole.EDGE, 'perimeter', site));
  return Object.values<any>(json.resource.azurerm_network_interface).filter((n) => first.has(n.ip_configuration[0].private_ip_address)).flatMap((n) => n.ip_configuration.map((c: any) => c.private_ip_address));
};
const sql = (site?: string) => addressesOf(ServerRole.BACK_END, 'back-end', site);
const frontEnds = () => model.servers.filter((s) => s.role === ServerRole.FRONT_END).map((s) => s.nics[0].privateIp);

describe('segmentation of the reference topology (from the synthesized NSGs)', () => {
  test('expands the documented flows into connections between the actual servers', () => {
    expect(seg.expected.length).toBeGreaterThan(500);
    const keys = new Set(seg.expected.map((e) => e.key));
    for (const k of ['fe-to-edge-int-sip', 'fe-pool-windows-fabric', 'back-end-ag-endpoint', 'fe-to-edge-int-cms-replication', 'director-to-edge-int-sip', 'clients-to-edge-int-stun-udp', 'internet-to-edge-ext-av-stun-udp']) {
      expect(keys).toContain(k);
    }
  });

  test('allows every documented flow between the actual servers', () => {
    expect(deniedDocumented(seg)).toEqual([]);
  });

  test('allows nothing between servers, from clients or from the Internet that no documented flow explains', () => {
    expect(undocumentedAllowed(seg, [...seg.addresses, OUTSIDE.client, OUTSIDE.internet])).toEqual([]);
  });

  test('denies the perimeter (every Edge external address) to SQL on 1433, in its own site and the other', () => {
    for (const site of ['west', 'north']) {
      for (const other of ['west', 'north']) {
        for (const src of perimeter(site)) {
          for (const dst of sql(other)) expect(seg.evaluator.decide({ sourceIp: src, destinationIp: dst, protocol: 'Tcp', port: 1433 })).toMatchObject({ access: 'Deny' });
        }
      }
    }
    expect(perimeter('west').length).toBe(6);
  });

  test('denies the Internet to every Front End, on every probe port', () => {
    for (const dst of frontEnds()) {
      for (const port of PROBE_PORTS) {
        for (const protocol of ['Tcp', 'Udp'] as const) expect(seg.evaluator.allows({ sourceIp: OUTSIDE.internet, destinationIp: dst, protocol, port })).toBe(false);
      }
    }
  });

  test('denies the Edge external interfaces to every back-end server (SQL, file stores, chat SQL), on every probe port', () => {
    const backEnd = [...sql(), ...addressesOf(ServerRole.FILE_SERVER, 'infrastructure')];
    expect(undocumentedAllowed(seg, perimeter(), backEnd)).toEqual([]);
    for (const src of perimeter()) {
      for (const dst of backEnd) {
        for (const port of SENSITIVE_PORTS) expect(seg.evaluator.allows({ sourceIp: src, destinationIp: dst, protocol: 'Tcp', port })).toBe(false);
      }
    }
  });

  test('keeps the health probes (AzureLoadBalancer, 168.63.129.16) admitted to every server despite the deny of VirtualNetwork', () => {
    for (const dst of seg.addresses) {
      for (const port of [5061, 5070, 59999]) expect(seg.evaluator.decide({ sourceIp: HOST_IP, destinationIp: dst, protocol: 'Tcp', port })).toMatchObject({ access: 'Allow' });
    }
    const [fe] = frontEnds();
    // A port no client rule covers: without the explicit allow, deny-virtual-network (4096) would catch the probe (the host IP is in the VirtualNetwork tag).
    expect(seg.evaluator.decide({ sourceIp: HOST_IP, destinationIp: fe, protocol: 'Tcp', port: 5090 })).toMatchObject({ rule: 'allow-azure-load-balancer', priority: 4095 });
  });

  test('a connected client reaches the Front Ends\' client ports but no server port (the deny of the deployment\'s networks comes first for servers)', () => {
    const [fe] = frontEnds();
    expect(seg.evaluator.decide({ sourceIp: OUTSIDE.client, destinationIp: fe, protocol: 'Tcp', port: 5061 })).toMatchObject({ access: 'Allow', rule: 'front-end-from-clients-tcp' });
    expect(seg.evaluator.decide({ sourceIp: OUTSIDE.client, destinationIp: fe, protocol: 'Tcp', port: 5090 })).toMatchObject({ access: 'Deny', rule: 'deny-virtual-network' });
    const [sqlServer] = sql('west');
    expect(seg.evaluator.decide({ sourceIp: sqlServer, destinationIp: fe, protocol: 'Tcp', port: 5061 })).toMatchObject({ access: 'Deny', rule: 'deny-deployment-networks' });
    expect(CONNECTED[0]).toContain('192.168.50.');
  });

  test('the model\'s reachability (lib/model/flows.ts) is what the synthesized NSGs enforce', () => {
    const sources = [...perimeter(), ...frontEnds().slice(0, 2), ...sql().slice(0, 2), ...addressesOf(ServerRole.EDGE, 'edge-internal').slice(0, 1), HOST_IP];
    const destinations = [...frontEnds().slice(0, 2), ...sql(), ...perimeter('west').slice(0, 3), ...addressesOf(ServerRole.EDGE, 'edge-internal'), ...addressesOf(ServerRole.DIRECTOR, 'director')];
    expect(modelDisagreements(model, seg, sources, destinations, [443, 445, 1433, 3478, 4443, 5061, 5090, 59999])).toEqual([]);
  });
});

describe('segmentation of the reference topology as a lab', () => {
  const lab = build(true);
  const labSeg = segmentation(lab.model, lab.json);

  test('allows every documented flow, including the domain members and clients to the domain controllers', () => {
    expect(labSeg.expected.some((e) => e.key === 'fe-to-dc-tcp')).toBe(true);
    expect(deniedDocumented(labSeg)).toEqual([]);
  });

  test('allows nothing undocumented between servers', () => {
    expect(undocumentedAllowed(labSeg, [...labSeg.addresses, OUTSIDE.client, OUTSIDE.internet])).toEqual([]);
  });

  test('lets Azure Bastion of either site reach every server on RDP, and nothing else', () => {
    const bastions = Object.values<any>(lab.json.resource.azurerm_subnet).filter((s) => s.name === 'AzureBastionSubnet').map((s) => s.address_prefixes[0].replace(/0\/\d+$/, '10'));
    expect(bastions).toHaveLength(2);
    for (const src of bastions) {
      for (const dst of labSeg.addresses) {
        expect(labSeg.evaluator.allows({ sourceIp: src, destinationIp: dst, protocol: 'Tcp', port: 3389 })).toBe(true);
        expect(labSeg.evaluator.allows({ sourceIp: src, destinationIp: dst, protocol: 'Tcp', port: 445 })).toBe(false);
      }
    }
  });
});

describe('segmentation of the 2015 legacy example (Persistent Chat, XMPP)', () => {
  const stack = new TerraformStack(Testing.app(), 'sfb2015');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const legacy = buildSfb2015Topology(stack);
  const legacySeg = segmentation(legacy.deployment._toModel(), JSON.parse(Testing.synth(stack, true)));

  test('expands the chat and XMPP flows, allows every documented flow and nothing else', () => {
    const keys = new Set(legacySeg.expected.map((e) => e.key));
    for (const k of ['chat-pool-internal', 'fe-to-chat-sip', 'chat-sql-mirroring', 'fe-pool-xmpp-gateway']) expect(keys).toContain(k);
    expect(deniedDocumented(legacySeg)).toEqual([]);
    expect(undocumentedAllowed(legacySeg, [...legacySeg.addresses, OUTSIDE.client, OUTSIDE.internet])).toEqual([]);
  });
});
