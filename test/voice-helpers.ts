/** A two-site voice topology: a Front End pool and a stand-alone Mediation pool per site, one gateway in each. */
import { BranchSite, MediationPool, PstnGateway, SfbDeployment, SurvivableBranchAppliance, SurvivableBranchServer, VoiceRoute } from '../lib';
import { testDeployment, testPool, testSite } from './helpers';

export function voiceSites(deployment: SfbDeployment) {
  const make = (id: string, octet: number) => {
    const site = testSite(deployment, id);
    const pool = testPool(site, 'pool', { enterpriseVoice: true });
    const mediation = new MediationPool(site, 'mediation', { fqdn: `med-${id}.corp.contoso.com`, nextHop: pool });
    const gateway = new PstnGateway(site, 'gateway', { fqdn: `gw-${id}.corp.contoso.com`, address: `192.168.${octet}.5`, mediationPool: mediation });
    return { site, pool, mediation, gateway };
  };
  return { west: make('west', 10), north: make('north', 20) };
}

/** Two central sites with gateways, and a branch of west with one appliance (and its gateway) and a route per usage. */
export function branchTopology(opts: { usages?: string[]; discovery?: boolean; users?: number; backup?: 'west' | 'north' | 'none' } = {}) {
  const { deployment } = testDeployment();
  const sites = voiceSites(deployment);
  const branch = new BranchSite(deployment, 'redmond', {
    centralSite: sites.west.site,
    addressSpace: '192.168.50.0/24',
    voiceUsages: opts.usages ?? ['Redmond local', 'Central'],
    localRegistrarDiscovery: opts.discovery ?? true,
  });
  const backup = opts.backup ?? 'west';
  const sba = new SurvivableBranchAppliance(branch, 'sba', {
    fqdn: 'sba-redmond.corp.contoso.com',
    users: opts.users ?? 200,
    ...(backup === 'none' ? {} : { backupRegistrar: sites[backup].pool }),
  });
  const local = new PstnGateway(branch, 'gateway', { fqdn: 'gw-redmond.corp.contoso.com', address: '192.168.50.5', survivableBranch: sba });
  new VoiceRoute(deployment, 'redmond-local', { usages: ['Redmond local'], gateways: [local], failoverGateways: [sites.west.gateway] });
  new VoiceRoute(deployment, 'central', { usages: ['Central'], gateways: [sites.west.gateway], failoverGateways: [sites.north.gateway] });
  return { deployment, sites, branch, sba };
}


/**
 * The same two central sites, and a branch of north (the site of the Central Management store, chosen
 * by key) in Azure: its own network in `location`, a Survivable Branch Server VM, its gateway and a
 * route per usage.
 */
export function azureBranchTopology(opts: { deployment?: SfbDeployment; addressSpace?: string; location?: string } = {}) {
  const deployment = opts.deployment ?? testDeployment().deployment;
  const sites = voiceSites(deployment);
  const branch = new BranchSite(deployment, 'oslo', {
    centralSite: sites.north.site,
    location: opts.location ?? 'norwayeast',
    addressSpace: opts.addressSpace ?? '10.50.0.0/24',
    voiceUsages: ['Oslo local', 'Central'],
    localRegistrarDiscovery: true,
  });
  const sbs = new SurvivableBranchServer(branch, 'sbs', { fqdn: 'sbs-oslo.corp.contoso.com', backupRegistrar: sites.north.pool, users: 1200 });
  const local = new PstnGateway(branch, 'gateway', { fqdn: 'gw-oslo.corp.contoso.com', address: '192.168.60.5', survivableBranch: sbs });
  new VoiceRoute(deployment, 'oslo-local', { usages: ['Oslo local'], gateways: [local], failoverGateways: [sites.north.gateway] });
  new VoiceRoute(deployment, 'central', { usages: ['Central'], gateways: [sites.north.gateway], failoverGateways: [sites.west.gateway] });
  return { deployment, sites, branch, sbs, gateway: local };
}
