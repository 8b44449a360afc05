/**
 * PSTN gateways and SIP trunks: the peers of a Mediation Server, in one central site. They are
 * customer or carrier equipment, so nothing is created in Azure for them but the NSG rules that let
 * the peer's address reach its Mediation Server (SIP 5067/5068, audio 49152-57500) and its A record.
 */
import { Construct, IConstruct } from 'constructs';
import { parseCidr, SubnetRole } from '../model/network';
import { GATEWAY_DEFAULT_PORT, MEDIATION_PEER_PORT, PstnPeerKind, PstnPeerModel, SipTransport } from '../model/voice';
import { SfbDeployment } from './deployment';
import { forVersion } from './flow-sources';
import { FrontEndPool } from './front-end-pool';
import { MediationPool } from './mediation-pool';
import { ModelParts } from './model-builder';
import { BranchSite, ISurvivableBranch, SurvivableBranchAppliance } from './branch-site';
import { SurvivableBranchServer } from './survivable-branch-server';
import { CentralSite } from './site';
import { describeValue, optionalBoolean, optionalConstruct, rejectUnknownProps, requireCount, requireDomainName, requireEnum } from './validate-input';

/** A peer of a Mediation Server a voice route can send calls to: a PstnGateway or a SipTrunk. */
export interface IPstnPeer extends IConstruct {
  /** The peer's FQDN in the topology. */
  readonly fqdn: string;
  /** The CentralSite whose Mediation Server the peer talks to, or the BranchSite of its survivable registrar. */
  readonly site: Construct;
}

export interface PstnGatewayProps {
  /** The peer's FQDN as Topology Builder defines it; the library publishes its A record in the private zone. */
  readonly fqdn: string;
  /** The peer's IPv4 address (customer equipment, not an Azure VM): the source NSG rules admit. */
  readonly address: string;
  /** The stand-alone Mediation pool the peer talks to. Give this or `frontEndPool`. @default - none: `frontEndPool` must be given */
  readonly mediationPool?: MediationPool;
  /** A Front End pool with `collocatedMediation` whose collocated Mediation Servers the peer talks to. @default - none: `mediationPool` must be given */
  readonly frontEndPool?: FrontEndPool;
  /** In a BranchSite: the Survivable Branch Appliance or Server whose Mediation Server the gateway talks to. @default - none: give `mediationPool` or `frontEndPool` */
  readonly survivableBranch?: ISurvivableBranch;
  /** SIP transport. @default SipTransport.TLS (Topology Builder's default) */
  readonly transport?: SipTransport;
  /** The peer's listening port. @default 5067 for TLS, 5066 for TCP (Topology Builder's defaults) */
  readonly listeningPort?: number;
  /** Whether media bypass is enabled on the trunk (media flows between clients and the peer). @default false */
  readonly mediaBypass?: boolean;
}

export interface SipTrunkProps extends PstnGatewayProps {}

const KNOWN_PROPS = ['fqdn', 'address', 'mediationPool', 'frontEndPool', 'survivableBranch', 'transport', 'listeningPort', 'mediaBypass'];

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** A peer's validated intent, its NSG rules and its A record: shared by PstnGateway and SipTrunk. */
class PeerIntent {
  readonly site: CentralSite | BranchSite;
  readonly mediation: Construct;
  private readonly record: Omit<PstnPeerModel, 'path' | 'sitePath'>;

  constructor(peer: Construct, construct: string, kind: PstnPeerKind, props: PstnGatewayProps) {
    rejectUnknownProps(peer, construct, props, KNOWN_PROPS);
    const scope = peer.node.scope;
    if (!(scope instanceof CentralSite) && !(scope instanceof BranchSite)) {
      throw new Error(`${construct} ${peer.node.path}: scope must be a CentralSite or a BranchSite; create the ${construct} in the site whose Mediation Server it talks to`);
    }
    this.site = scope;
    const deployment = SfbDeployment._of(peer, construct);
    const fqdn = requireDomainName(peer, construct, 'fqdn', props.fqdn);
    if (typeof props.address !== 'string' || !IPV4.test(props.address) || typeof parseCidr(`${props.address}/32`) === 'string') {
      throw new Error(`${construct} ${peer.node.path}: address ${describeValue(props.address)} is not an IPv4 address; give the address the Mediation Server reaches the ${construct === 'SipTrunk' ? 'SBC' : 'gateway'} at, e.g. "192.168.10.5"`);
    }
    const pool = optionalConstruct(peer, construct, 'mediationPool', props.mediationPool, (x): x is MediationPool => x instanceof MediationPool, 'a MediationPool');
    const frontEnd = optionalConstruct(peer, construct, 'frontEndPool', props.frontEndPool, (x): x is FrontEndPool => x instanceof FrontEndPool, 'a FrontEndPool with collocatedMediation');
    const branch = optionalConstruct(peer, construct, 'survivableBranch', props.survivableBranch, (x): x is ISurvivableBranch => x instanceof SurvivableBranchAppliance || x instanceof SurvivableBranchServer, 'a SurvivableBranchAppliance or SurvivableBranchServer');
    const given = [pool, frontEnd, branch].filter((x) => x !== undefined);
    if (given.length !== 1) {
      throw new Error(`${construct} ${peer.node.path}: mediationPool ${describeValue(pool)}, frontEndPool ${describeValue(frontEnd)}, survivableBranch ${describeValue(branch)}: give exactly one, the Mediation Server the peer talks to (a MediationPool, a FrontEndPool with collocatedMediation, or in a branch its survivable registrar)`);
    }
    if (frontEnd && !frontEnd.collocatedMediation) {
      throw new Error(`${construct} ${peer.node.path}: frontEndPool ${describeValue(frontEnd)} has no collocated Mediation Server; set collocatedMediation on the pool, or give mediationPool instead`);
    }
    this.mediation = given[0] as Construct;
    const mediationSite: Construct = branch ? branch.branch : (pool ?? frontEnd)!.site;
    if (mediationSite !== scope) {
      const prop = pool ? 'mediationPool' : frontEnd ? 'frontEndPool' : 'survivableBranch';
      throw new Error(`${construct} ${peer.node.path}: ${prop} ${describeValue(this.mediation)} is in site ${mediationSite.node.id}, not ${scope.node.id}; a peer belongs to the site of its Mediation Server: create it in ${mediationSite.node.id}`);
    }
    const transport = requireEnum(peer, construct, 'transport', props.transport ?? SipTransport.TLS, SipTransport, 'SipTransport');
    this.record = {
      kind,
      fqdn,
      address: props.address,
      transport,
      listeningPort: requireCount(peer, construct, 'listeningPort', props.listeningPort ?? GATEWAY_DEFAULT_PORT[transport], 1, 65535),
      mediationPort: MEDIATION_PEER_PORT[transport],
      mediationPath: this.mediation.node.path,
      mediation: pool ? 'stand-alone' : frontEnd ? 'collocated' : 'branch',
      mediaBypass: optionalBoolean(peer, construct, 'mediaBypass', props.mediaBypass, false),
    };
    // A branch peer talks to its appliance on premises (nothing in Azure admits it), or to a server in a branch network.
    if (scope instanceof CentralSite) this.allowTraffic(peer, deployment, scope, pool !== undefined);
    else if (branch instanceof SurvivableBranchServer) branch._admitPeer(peer.node.id, `${kind === 'sip-trunk' ? 'SIP trunk' : 'PSTN gateway'} ${peer.node.id} (${fqdn})`, props.address);
    deployment._dns.addA('private', fqdn, [props.address]);
  }

  /** SIP and audio from the peer's address into the subnet of its Mediation Servers, one rule set per peer. */
  private allowTraffic(peer: Construct, deployment: SfbDeployment, site: CentralSite, standAlone: boolean): void {
    const fw = site._firewall(standAlone ? SubnetRole.MEDIATION : SubnetRole.FRONT_END);
    const flows = standAlone
      ? { sip: ['pstn-to-mediation-sip', 'pstn-to-mediation-audio-tcp'], udp: ['pstn-to-mediation-audio-udp'] }
      : { sip: ['pstn-to-fe-collocated-mediation-sip', 'pstn-to-fe-collocated-mediation-audio-tcp'], udp: ['pstn-to-fe-collocated-mediation-audio-udp'] };
    const common = {
      ownerPath: peer.node.path,
      source: `${this.record.kind === 'sip-trunk' ? 'SIP trunk' : 'PSTN gateway'} ${peer.node.id} (${this.record.fqdn})`,
      sourcePrefixes: [`${this.record.address}/32`],
      destination: `${site.node.id} ${standAlone ? 'Mediation' : 'Front End'} subnet`,
    };
    fw.allow({ ...common, name: `pstn-${peer.node.id}-tcp`, flows: forVersion(deployment.productVersion, flows.sip) });
    fw.allow({ ...common, name: `pstn-${peer.node.id}-udp`, flows: forVersion(deployment.productVersion, flows.udp) });
  }

  model(peer: Construct): PstnPeerModel {
    return { path: peer.node.path, sitePath: this.site.node.path, ...this.record };
  }
}

/**
 * A PSTN gateway (or IP-PBX) peered with a Mediation Server of one central site: SIP 5067 (TLS) or
 * 5068 (TCP) and audio 49152-57500 from its address, recorded in the plan for the voice rules and
 * the runbook's voice outages. Route calls to it with a VoiceRoute.
 */
export class PstnGateway extends Construct implements IPstnPeer {
  readonly site: Construct;
  readonly fqdn: string;
  /** The MediationPool or the FrontEndPool (collocated Mediation) the gateway talks to. */
  readonly mediation: Construct;
  private readonly intent: PeerIntent;

  constructor(scope: Construct, id: string, props: PstnGatewayProps) {
    super(scope, id);
    this.intent = new PeerIntent(this, 'PstnGateway', 'gateway', props);
    this.site = this.intent.site;
    this.mediation = this.intent.mediation;
    this.fqdn = props.fqdn;
    SfbDeployment._of(this, 'PstnGateway')._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.peers.push(this.intent.model(this));
  }
}

/**
 * A SIP trunk to an Internet Telephony Service Provider through an SBC, peered with a Mediation
 * Server of one central site; a stand-alone MediationPool is recommended for it (MED-5).
 */
export class SipTrunk extends Construct implements IPstnPeer {
  readonly site: Construct;
  readonly fqdn: string;
  /** The MediationPool or the FrontEndPool (collocated Mediation) the trunk terminates on. */
  readonly mediation: Construct;
  private readonly intent: PeerIntent;

  constructor(scope: Construct, id: string, props: SipTrunkProps) {
    super(scope, id);
    this.intent = new PeerIntent(this, 'SipTrunk', 'sip-trunk', props);
    this.site = this.intent.site;
    this.mediation = this.intent.mediation;
    this.fqdn = props.fqdn;
    SfbDeployment._of(this, 'SipTrunk')._register(this);
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.peers.push(this.intent.model(this));
  }
}
