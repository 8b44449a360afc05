/**
 * Enterprise Voice as data: PSTN gateways and SIP trunks (peers of a Mediation Server), voice routes
 * and their PSTN usages. A peer is customer equipment, not an Azure VM: the plan records its address
 * so NSG rules admit it, and the voice rules and the runbook read which site each peer serves.
 */

/** SIP transport between a Mediation Server and its peer (Topology Builder: TLS is the default). */
export enum SipTransport {
  TLS = 'TLS',
  TCP = 'TCP',
}

/** What kind of peer a Mediation Server talks to. */
export type PstnPeerKind = 'gateway' | 'sip-trunk';

/** Ports of a Mediation Server towards its peers ("Ports and protocols for internal servers"). */
export const MEDIATION_PEER_PORT: Readonly<Record<SipTransport, number>> = Object.freeze({
  [SipTransport.TLS]: 5067,
  [SipTransport.TCP]: 5068,
});

/** A gateway's default listening port per transport (Topology Builder: 5067 TLS, 5066 TCP). */
export const GATEWAY_DEFAULT_PORT: Readonly<Record<SipTransport, number>> = Object.freeze({
  [SipTransport.TLS]: 5067,
  [SipTransport.TCP]: 5066,
});

export interface PstnPeerModel {
  readonly path: string;
  readonly kind: PstnPeerKind;
  /** The central site whose Mediation Server the peer talks to, or the branch site of its Survivable Branch Appliance/Server. */
  readonly sitePath: string;
  readonly fqdn: string;
  /** The address the Mediation Server reaches and is reached from (customer equipment, not in Azure). */
  readonly address: string;
  readonly transport: SipTransport;
  /** The peer's listening port (outbound from the Mediation Server). */
  readonly listeningPort: number;
  /** The Mediation Server's port for this peer (5067 TLS, 5068 TCP). */
  readonly mediationPort: number;
  /** The stand-alone Mediation pool, the Front End pool with collocated Mediation, or the Survivable Branch Appliance/Server. */
  readonly mediationPath: string;
  readonly mediation: 'stand-alone' | 'collocated' | 'branch';
  /** Whether media flows between clients and the peer directly (bypassing the Mediation Server). */
  readonly mediaBypass: boolean;
}

export interface VoiceRouteModel {
  readonly path: string;
  /** The route's name in the voice routing configuration (`New-CsVoiceRoute -Identity`). */
  readonly name: string;
  readonly numberPattern: string;
  /** PSTN usages the route belongs to. */
  readonly usages: readonly string[];
  readonly gatewayPaths: readonly string[];
  /** Gateways of the route's failover route (`<name> failover` in usage `<usage> failover`), tried when every primary gateway is down. */
  readonly failoverGatewayPaths: readonly string[];
}

/** A branch site: on premises, tied to a central site, reached over the WAN. */
export interface BranchSiteModel {
  readonly path: string;
  readonly name: string;
  readonly centralSitePath: string;
  /** The branch's address range, if given: on premises, or its virtual network's with `location`. */
  readonly addressSpace?: string;
  /** Azure region of the branch's own network (peered with its central site); absent for a branch on premises. */
  readonly location?: string;
  /** The Azure names of the branch network and of both peering directions (the runbook's commands), with `location`. */
  readonly network?: BranchNetworkNames;
  /** The PSTN usages of the branch users' voice policy, in order (VOICE-8). */
  readonly voiceUsages: readonly string[];
  /** Whether branch DNS caching or DHCP option 120 lets phones find the survivable registrar during a WAN outage (VOICE-8). */
  readonly localRegistrarDiscovery: boolean;
}

export interface BranchNetworkNames {
  readonly resourceGroup: string;
  readonly virtualNetwork: string;
  /** The branch-to-site peering, in the branch network. */
  readonly peeringToSite: string;
  /** The central site's resource group and network, which hold the site-to-branch peering. */
  readonly siteResourceGroup: string;
  readonly siteVirtualNetwork: string;
  readonly peeringFromSite: string;
}

/** A Survivable Branch Appliance (vendor hardware) or Survivable Branch Server (Windows) in a branch site. */
export interface SurvivableBranchModel {
  readonly path: string;
  readonly kind: 'appliance' | 'server';
  readonly branchPath: string;
  readonly fqdn: string;
  /** The Front End pool that is its backup Registrar (VOICE-7); absent when none is given. */
  readonly backupRegistrarPath?: string;
  /** Users homed on it (counted in the backup Registrar pool's capacity, VOICE-7). */
  readonly users: number;
}

export interface VoiceModel {
  readonly peers: readonly PstnPeerModel[];
  readonly routes: readonly VoiceRouteModel[];
  readonly branchSites: readonly BranchSiteModel[];
  readonly survivableBranches: readonly SurvivableBranchModel[];
}

export const EMPTY_VOICE: VoiceModel = Object.freeze({ peers: [], routes: [], branchSites: [], survivableBranches: [] });

/** The voice data of a model; hand-built models may have none. */
export function voiceOf(m: { readonly voice?: VoiceModel }): VoiceModel {
  return m.voice ?? EMPTY_VOICE;
}

/** The usage a route's failover route belongs to (listed after the primary usage in a voice policy). */
export function failoverUsage(usage: string): string {
  return `${usage} failover`;
}

/**
 * Users homed on the Survivable Branch Appliances and Servers "at branch offices that are associated
 * with a Front End pool at this site": Microsoft counts them against the site's Edge servers (EDGE-2)
 * and Directors (DIR-2) (Capacity planning user model usage). The pool is the appliance's backup
 * Registrar; without one (a VOICE-7 error), the branch's central site.
 */
export function branchUsersOfSite(
  m: { readonly voice?: VoiceModel; readonly frontEndPools: readonly { readonly path: string; readonly sitePath: string }[] },
  sitePath: string,
): number {
  const poolSite = new Map(m.frontEndPools.map((p) => [p.path, p.sitePath]));
  const voice = voiceOf(m);
  const branchSite = new Map(voice.branchSites.map((b) => [b.path, b.centralSitePath]));
  return voice.survivableBranches
    .filter((s) => (s.backupRegistrarPath !== undefined ? poolSite.get(s.backupRegistrarPath) : branchSite.get(s.branchPath)) === sitePath)
    .reduce((n, s) => n + s.users, 0);
}
