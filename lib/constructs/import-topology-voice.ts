/**
 * The voice part of importTopologyDocument: branch sites, their survivable branches and the PSTN
 * gateways of central and branch sites, each attached to the Mediation service the document says uses
 * it. What the document cannot say is a note (a warning annotation on the deployment): whether a
 * survivable branch is an appliance or a server (it is built as an appliance), its users, and a
 * gateway the document gives no address or no Mediation service for (it is not built).
 */
import type { Construct } from 'constructs';
import { DocumentPoolRole, TopologyDocument } from '../model/topology-document/document';
import { SipTransport } from '../model/voice';
import { BranchSite, SurvivableBranchAppliance } from './branch-site';
import type { SfbDeployment } from './deployment';
import type { DirectorPool } from './director-pool';
import { FrontEndPool } from './front-end-pool';
import { MediationPool } from './mediation-pool';
import { PstnGateway } from './pstn-gateway';
import type { CentralSite } from './site';

export interface VoiceImport {
  readonly doc: TopologyDocument;
  readonly deployment: SfbDeployment;
  readonly sites: ReadonlyMap<string, CentralSite>;
  /** Front End and Director pools by lowercased FQDN. */
  readonly built: ReadonlyMap<string, FrontEndPool | DirectorPool>;
  readonly mediationPools: ReadonlyMap<string, MediationPool>;
  readonly notes: string[];
  /** A free construct ID under scope for a name from the document. */
  id(scope: Construct, name: string): string;
}

export function importVoice(v: VoiceImport): void {
  const branches = new Map<string, BranchSite>();
  for (const b of v.doc.branchSites) {
    branches.set(b.name, new BranchSite(v.deployment, v.id(v.deployment, b.name), { centralSite: v.sites.get(b.centralSite)! }));
  }
  const survivable = new Map<string, SurvivableBranchAppliance>();
  for (const pool of v.doc.pools.filter((p) => p.role === DocumentPoolRole.SURVIVABLE_BRANCH)) {
    const branch = branches.get(pool.site)!;
    const backup = pool.backupRegistrar ? v.built.get(pool.backupRegistrar.toLowerCase()) : undefined;
    const sba = new SurvivableBranchAppliance(branch, v.id(branch, pool.fqdn.split('.')[0]), { fqdn: pool.fqdn, ...(backup instanceof FrontEndPool ? { backupRegistrar: backup } : {}) });
    survivable.set(pool.fqdn.toLowerCase(), sba);
    v.notes.push(`survivable branch ${pool.fqdn} is built as a Survivable Branch Appliance with 0 users (the document does not say appliance or server, nor its users): set them in the program`);
  }
  for (const pool of v.doc.pools.filter((p) => p.role === DocumentPoolRole.PSTN_GATEWAY)) {
    const user = pool.mediationPool?.toLowerCase();
    const mediation = user ? v.mediationPools.get(user) : undefined;
    const frontEnd = user ? v.built.get(user) : undefined;
    const branch = user ? survivable.get(user) : undefined;
    const attach = mediation ? { mediationPool: mediation } : frontEnd instanceof FrontEndPool && frontEnd.collocatedMediation ? { frontEndPool: frontEnd } : branch ? { survivableBranch: branch } : undefined;
    if (!attach || !pool.gatewayAddress) {
      v.notes.push(`PSTN gateway ${pool.fqdn} (line ${pool.line}) is not imported: the document gives it ${pool.gatewayAddress ? 'no Mediation service that uses it' : 'no address'}; add it with new PstnGateway(site, id, { fqdn, address, mediationPool })`);
      continue;
    }
    const site = branches.get(pool.site) ?? v.sites.get(pool.site)!;
    const transport = pool.gatewayTransport?.toLowerCase() === 'tcp' ? SipTransport.TCP : SipTransport.TLS;
    new PstnGateway(site, v.id(site, pool.fqdn.split('.')[0]), { fqdn: pool.fqdn, address: pool.gatewayAddress, transport, ...(pool.gatewayPort ? { listeningPort: pool.gatewayPort } : {}), ...attach });
  }
}
