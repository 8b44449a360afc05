/**
 * Voice resiliency: Skype for Business Server Subscription Edition in two Azure regions (West Europe and North
 * Europe), each with a paired Enterprise pool, a stand-alone Mediation pool and a PSTN gateway; an
 * ITSP SIP trunk in North Europe; a branch (Redmond, on premises) of West Europe with a Survivable
 * Branch Appliance and its own gateway. Each route fails over to the other site's gateway (VOICE-4);
 * the branch users' voice policy lists the branch route first and the central route second (VOICE-8).
 * The runbook's "Voice outages" section says which calls survive each failure (docs/voice.md).
 */
import { Construct } from 'constructs';
import {
  acknowledgeFinding,
  AlwaysOnBackEnd,
  BranchSite,
  CentralSite,
  FrontEndPool,
  MediationPool,
  PairedPools,
  ProductVersion,
  PstnGateway,
  SfbDeployment,
  SipTrunk,
  SqlEdition,
  SqlServerVersion,
  SupportPosture,
  SurvivableBranchAppliance,
  VoiceRoute,
} from '../../lib';

export interface VoiceTopology {
  readonly deployment: SfbDeployment;
  readonly west: CentralSite;
  readonly north: CentralSite;
  readonly branch: BranchSite;
  readonly sba: SurvivableBranchAppliance;
}

export function buildVoiceTopology(scope: Construct): VoiceTopology {
  const deployment = new SfbDeployment(scope, 'fabrikam', {
    productVersion: ProductVersion.SKYPE_FOR_BUSINESS_SE,
    sipDomain: 'fabrikam.com',
    adDomain: 'corp.fabrikam.com',
    supportPosture: SupportPosture.ACCEPTED_RISK,
    globalLocation: 'westeurope', // given, not chosen by key (GLOBAL-2)
  });
  acknowledgeFinding(deployment, 'AZURE-8', 'host maintenance is accepted: pools survive one server pausing, and patching is manual (VM-5)');

  const west = new CentralSite(deployment, 'west', { location: 'westeurope', addressSpace: '10.70.0.0/16' });
  const north = new CentralSite(deployment, 'north', { location: 'northeurope', addressSpace: '10.80.0.0/16' });
  const backEndProps = { sqlVersion: SqlServerVersion.SQL_2019, sqlEdition: SqlEdition.ENTERPRISE, replicas: 2 };
  const pool = (site: CentralSite, cms: boolean) =>
    new FrontEndPool(site, 'pool', { fqdn: `pool-${site.node.id}.corp.fabrikam.com`, backEnd: new AlwaysOnBackEnd(site, 'backend', backEndProps), hostsCentralManagementStore: cms, enterpriseVoice: true });
  const westPool = pool(west, true);
  const northPool = pool(north, false);
  new PairedPools(deployment, 'pair', { primary: westPool, backup: northPool });

  // Gateways sit on premises behind the VPN; each site's Mediation pool admits only its own.
  const westMediation = new MediationPool(west, 'mediation', { fqdn: 'med-west.corp.fabrikam.com', nextHop: westPool, gatewayPrefixes: ['192.168.10.0/24'] });
  const northMediation = new MediationPool(north, 'mediation', { fqdn: 'med-north.corp.fabrikam.com', nextHop: northPool, gatewayPrefixes: ['192.168.20.0/24'] });
  const westGateway = new PstnGateway(west, 'gateway', { fqdn: 'gw-west.corp.fabrikam.com', address: '192.168.10.5', mediationPool: westMediation });
  const northGateway = new PstnGateway(north, 'gateway', { fqdn: 'gw-north.corp.fabrikam.com', address: '192.168.20.5', mediationPool: northMediation });
  const trunk = new SipTrunk(north, 'itsp', { fqdn: 'sbc-north.corp.fabrikam.com', address: '192.168.20.7', mediationPool: northMediation });

  const branch = new BranchSite(deployment, 'redmond', {
    centralSite: west,
    addressSpace: '192.168.50.0/24',
    voiceUsages: ['Redmond local', 'West'],
    localRegistrarDiscovery: true,
  });
  const sba = new SurvivableBranchAppliance(branch, 'sba', { fqdn: 'sba-redmond.corp.fabrikam.com', backupRegistrar: westPool, users: 300 });
  const branchGateway = new PstnGateway(branch, 'gateway', { fqdn: 'gw-redmond.corp.fabrikam.com', address: '192.168.50.5', survivableBranch: sba });

  new VoiceRoute(deployment, 'west-route', { name: 'West', usages: ['West'], gateways: [westGateway], failoverGateways: [northGateway, trunk] });
  new VoiceRoute(deployment, 'north-route', { name: 'North', usages: ['North'], gateways: [northGateway, trunk], failoverGateways: [westGateway] });
  new VoiceRoute(deployment, 'redmond-local', { usages: ['Redmond local'], numberPattern: '^\\+1425\\d{7}$', gateways: [branchGateway], failoverGateways: [westGateway] });
  return { deployment, west, north, branch, sba };
}
