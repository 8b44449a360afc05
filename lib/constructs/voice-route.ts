/**
 * A voice route as data: the numbers it matches, the PSTN usages it belongs to, its gateways and the
 * gateways of its failover route. It creates no Azure resource; the voice rules (VOICE-4, VOICE-8)
 * and the runbook's voice outages read it from the plan, and docs/voice.md gives the
 * `New-CsVoiceRoute` commands it stands for.
 */
import { Construct } from 'constructs';
import { SfbDeployment } from './deployment';
import { ModelParts } from './model-builder';
import { IPstnPeer, PstnGateway, SipTrunk } from './pstn-gateway';
import { describeValue, rejectUnknownProps, requireString } from './validate-input';

export interface VoiceRouteProps {
  /** The route's name (`New-CsVoiceRoute -Identity`). @default the construct ID */
  readonly name?: string;
  /** The dialled numbers the route matches, a .NET regular expression. @default "^\\+\\d+$" (every E.164 number) */
  readonly numberPattern?: string;
  /** The PSTN usages the route belongs to (what a voice policy lists), in the order they are created. */
  readonly usages: string[];
  /** The PstnGateways and SipTrunks the route sends calls to (balanced among them). */
  readonly gateways: IPstnPeer[];
  /**
   * Gateways of the route's failover route: the same pattern in usage `<usage> failover`, listed after
   * the primary usage in the voice policy, tried when every primary gateway is down; put them in
   * another central site (VOICE-4).
   * @default - no failover route (a VOICE-4 warning)
   */
  readonly failoverGateways?: IPstnPeer[];
}

const KNOWN_PROPS = ['name', 'numberPattern', 'usages', 'gateways', 'failoverGateways'];

const isPeer = (x: unknown): x is IPstnPeer => x instanceof PstnGateway || x instanceof SipTrunk;

/** A voice route and its failover route, recorded in the deployment's plan. */
export class VoiceRoute extends Construct {
  readonly routeName: string;
  readonly numberPattern: string;
  readonly usages: string[];
  readonly gateways: IPstnPeer[];
  readonly failoverGateways: IPstnPeer[];

  constructor(scope: SfbDeployment, id: string, props: VoiceRouteProps) {
    super(scope, id);
    rejectUnknownProps(this, 'VoiceRoute', props, KNOWN_PROPS);
    const deployment = SfbDeployment._of(this, 'VoiceRoute');
    if (!SfbDeployment.isSfbDeployment(scope)) throw new Error(`VoiceRoute ${this.node.path}: scope must be the SfbDeployment; routes span sites`);
    this.routeName = props.name === undefined ? id : requireString(this, 'VoiceRoute', 'name', props.name, 'the route\'s name, e.g. "Redmond local"');
    this.numberPattern = this.requirePattern(props.numberPattern ?? '^\\+\\d+$');
    this.usages = this.requireUsages(props.usages);
    this.gateways = this.requirePeers('gateways', props.gateways, false);
    this.failoverGateways = this.requirePeers('failoverGateways', props.failoverGateways ?? [], true);
    deployment._register(this);
  }

  private requirePattern(pattern: unknown): string {
    const text = requireString(this, 'VoiceRoute', 'numberPattern', pattern, 'a regular expression for the dialled numbers, e.g. "^\\+1425\\d{7}$"');
    try {
      new RegExp(text);
    } catch (e) {
      throw new Error(`VoiceRoute ${this.node.path}: numberPattern ${describeValue(text)} is not a regular expression (${(e as Error).message}); give one such as "^\\+1425\\d{7}$"`);
    }
    return text;
  }

  private requireUsages(usages: unknown): string[] {
    if (!Array.isArray(usages) || usages.length === 0) {
      throw new Error(`VoiceRoute ${this.node.path}: usages ${describeValue(usages)} is not a non-empty list of PSTN usage names; give e.g. ["Redmond"]`);
    }
    usages.forEach((u, i) => requireString(this, 'VoiceRoute', `usages[${i}]`, u, 'a PSTN usage name, e.g. "Redmond"'));
    if (new Set(usages).size !== usages.length) throw new Error(`VoiceRoute ${this.node.path}: usages ${describeValue(usages)} names a usage twice; list each once`);
    return [...usages];
  }

  private requirePeers(prop: string, peers: unknown, mayBeEmpty: boolean): IPstnPeer[] {
    if (!Array.isArray(peers) || (!mayBeEmpty && peers.length === 0)) {
      throw new Error(`VoiceRoute ${this.node.path}: ${prop} ${describeValue(peers)} is not a ${mayBeEmpty ? '' : 'non-empty '}list of PstnGateway or SipTrunk constructs; pass the constructs themselves`);
    }
    const deployment = SfbDeployment._of(this, 'VoiceRoute');
    peers.forEach((p, i) => {
      if (!isPeer(p)) throw new Error(`VoiceRoute ${this.node.path}: ${prop}[${i}] ${describeValue(p)} is not a PstnGateway or SipTrunk; pass the construct itself, not its name`);
      if (SfbDeployment._of(p, 'VoiceRoute') !== deployment) throw new Error(`VoiceRoute ${this.node.path}: ${prop}[${i}] ${describeValue(p)} belongs to another deployment; route to this deployment's gateways`);
    });
    if (new Set(peers).size !== peers.length) throw new Error(`VoiceRoute ${this.node.path}: ${prop} ${describeValue(peers.map((p: IPstnPeer) => p.node.path))} lists a gateway twice; list each once`);
    return [...peers];
  }

  /** @internal */
  _contribute(parts: ModelParts): void {
    parts.voice.routes.push({
      path: this.node.path,
      name: this.routeName,
      numberPattern: this.numberPattern,
      usages: [...this.usages],
      gatewayPaths: this.gateways.map((g) => g.node.path),
      failoverGatewayPaths: this.failoverGateways.map((g) => g.node.path),
    });
  }
}
