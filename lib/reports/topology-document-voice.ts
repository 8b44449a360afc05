/**
 * PSTN gateways, SIP trunks and survivable branches in the Topology Builder document. No public
 * document with these was found (docs/topology-document.md), so the encoding follows the shapes the
 * real documents use for everything else: a gateway is a single-machine cluster with a `PstnGateway`
 * service (the role `Get-CsService -PstnGateway` lists), its address on the machine's primary
 * interface; a Mediation service depends on the gateways it uses; a survivable branch is a cluster in
 * its branch site with a Registrar and a Mediation service, its backup Registrar a `Backup`
 * dependency like a pool pairing's. A SIP trunk is written as the PSTN gateway it is to Topology Builder.
 */
import type { TopologyModel } from '../model/topology';
import { SipTransport, voiceOf } from '../model/voice';
import { DocumentBuilder, NS } from './topology-document-parts';
import { el } from './xml-writer';

const nic = (side: string, ip: string) => el('NetInterface', [['InterfaceSide', side], ['InterfaceNumber', 1], ['IPAddress', ip], ['xmlns', NS.topology]]);

/** Adds gateways and survivable branches; returns, per Mediation construct path, the gateway services it depends on. */
export function addVoice(model: TopologyModel, b: DocumentBuilder): ReadonlyMap<string, readonly string[]> {
  const voice = voiceOf(model);
  const gatewaysOf = new Map<string, string[]>();
  for (const peer of [...voice.peers].sort((x, y) => x.fqdn.localeCompare(y.fqdn))) {
    const on = peer.fqdn.toLowerCase();
    b.addCluster({ key: on, sitePath: peer.sitePath, fqdn: peer.fqdn, servers: [], machines: [el('Machine', [], [nic('Primary', peer.address)])] });
    const key = b.svc('PstnGateway', peer.fqdn);
    const protocol = peer.transport === SipTransport.TLS ? 'Tls' : 'Tcp';
    b.addService({ key, role: 'PstnGateway', installedOn: on, dependsOn: [], ports: [['urn:component:PstnGateway', 'SipServer', 'Primary', peer.listeningPort, protocol, '/', false]] });
    gatewaysOf.set(peer.mediationPath, [...(gatewaysOf.get(peer.mediationPath) ?? []), key]);
  }
  for (const sba of voice.survivableBranches) {
    const on = sba.fqdn.toLowerCase();
    const machine = el('Machine', [['Fqdn', sba.fqdn], ['FaultDomain', 'FaultDomain1'], ['UpgradeDomain', 'UpgradeDomain1']], [nic('Primary', '0.0.0.0'), nic('Pstn', '0.0.0.0')]);
    b.addCluster({ key: on, sitePath: sba.branchPath, fqdn: sba.fqdn, servers: [], machines: [machine] });
    const backup = sba.backupRegistrarPath ? b.poolFqdn.get(sba.backupRegistrarPath) : undefined;
    const registrar = b.svc('Registrar', sba.fqdn);
    b.addService({
      key: registrar,
      role: 'Registrar',
      installedOn: on,
      dependsOn: backup ? [[b.svc('Registrar', backup), 'Backup']] : [],
      body: [el('RegistrarService', [['IsDirector', false], ['xmlns', NS.roles]])],
    });
    b.addService({ key: b.svc('MediationServer', sba.fqdn), role: 'MediationServer', installedOn: on, dependsOn: [[registrar, 'Default'], ...(gatewaysOf.get(sba.path) ?? []).map((g) => [g, 'Default'] as const)] });
  }
  return gatewaysOf;
}
