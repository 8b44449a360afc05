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
  /** The central site whose Mediation Server the peer talks to. */
  readonly sitePath: string;
  readonly fqdn: string;
  /** The address the Mediation Server reaches and is reached from (customer equipment, not in Azure). */
  readonly address: string;
  readonly transport: SipTransport;
  /** The peer's listening port (outbound from the Mediation Server). */
  readonly listeningPort: number;
  /** The Mediation Server's port for this peer (5067 TLS, 5068 TCP). */
  readonly mediationPort: number;
  /** The stand-alone Mediation pool, or the Front End pool with collocated Mediation. */
  readonly mediationPath: string;
  readonly mediation: 'stand-alone' | 'collocated';
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

export interface VoiceModel {
  readonly peers: readonly PstnPeerModel[];
  readonly routes: readonly VoiceRouteModel[];
}

export const EMPTY_VOICE: VoiceModel = Object.freeze({ peers: [], routes: [] });

/** The voice data of a model; hand-built models may have none. */
export function voiceOf(m: { readonly voice?: VoiceModel }): VoiceModel {
  return m.voice ?? EMPTY_VOICE;
}

/** The usage a route's failover route belongs to (listed after the primary usage in a voice policy). */
export function failoverUsage(usage: string): string {
  return `${usage} failover`;
}
