/**
 * Voice equipment outside Azure in the planning reports: the certificates TLS peers and survivable
 * registrars need, and the on-premises hardware the hardware report lists beside the VMs.
 */
import { TopologyModel } from '../model/topology';
import { SipTransport, voiceOf } from '../model/voice';
import { heading, table } from './markdown';

/** Rows of the certificate plan (same shape as lib/reports/certificates.ts). */
export function voiceCertificateRows(m: TopologyModel) {
  const voice = voiceOf(m);
  return [
    ...voice.peers
      .filter((p) => p.transport === SipTransport.TLS)
      .map((p) => ({
        forWhat: `${p.kind === 'sip-trunk' ? 'SIP trunk SBC' : 'PSTN gateway'} ${p.fqdn}`,
        use: 'TLS to the Mediation Server',
        subject: p.fqdn,
        sans: [p.fqdn],
        issuer: 'a CA the Mediation Servers trust',
        note: 'installed on the peer (vendor documentation)',
      })),
    ...voice.survivableBranches.map((s) => ({
      forWhat: `${s.kind === 'appliance' ? 'Survivable Branch Appliance' : 'Survivable Branch Server'} ${s.fqdn}`,
      use: 'Default',
      subject: s.fqdn,
      sans: [s.fqdn],
      issuer: 'internal CA',
      note: 'requested during its setup',
    })),
  ];
}

/** The hardware report's on-premises voice section, or '' when none is modelled. */
export function voiceEquipmentSection(m: TopologyModel): string {
  const voice = voiceOf(m);
  // A survivable registrar of a branch in Azure is a VM: the servers table lists it.
  const inAzure = new Set(voice.branchSites.filter((b) => b.location !== undefined).map((b) => b.path));
  const onPremises = voice.survivableBranches.filter((s) => !inAzure.has(s.branchPath));
  if (voice.peers.length === 0 && onPremises.length === 0) return '';
  const site = new Map<string, string>([...m.sites.map((s) => [s.path, s.name] as const), ...voice.branchSites.map((b) => [b.path, `branch ${b.name}`] as const)]);
  const rows = [
    ...voice.peers.map((p) => [p.kind === 'sip-trunk' ? 'SIP trunk SBC' : 'PSTN gateway', p.fqdn, site.get(p.sitePath) ?? p.sitePath, p.address, '']),
    ...onPremises.map((s) => [s.kind === 'appliance' ? 'Survivable Branch Appliance' : 'Survivable Branch Server', s.fqdn, site.get(s.branchPath) ?? s.branchPath, '', s.users]),
  ];
  return `${heading(2, 'Voice equipment on premises (not in Azure)')}\n${table(['Kind', 'FQDN', 'Site', 'Address', 'Users'], rows)}`;
}
