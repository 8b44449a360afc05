/**
 * The deployment's address requests, planned once per change by `planAddresses` (lib/model). Resources
 * get each address as a lazy token that resolves from the final plan at synthesis, so an address never
 * depends on what was declared before it; the model sees the planned addresses themselves.
 */
import { Lazy } from '../cdktf';
import { withoutTokenTraces } from '../stack-traces';
import type { Revision } from '../model/revision';
import type { AddressSource } from '../azure/placement';
import { AddressBlockRequest, AddressEnd, AddressPlan, blockAddress, planAddresses, PlannedAddressBlock } from '../model/address-plan';

interface Request {
  readonly subnetKey: string;
  readonly subnetCidr: string;
  readonly owner: string;
  readonly ownerPath: string;
  bottom: number;
  top: number;
}

interface TokenRef {
  readonly request: Request;
  readonly end: AddressEnd;
  readonly n: number;
}

const TOKEN = /\$\{TfToken\[TOKEN\.\d+\]\}/g;

export class AddressBook {
  private readonly requests = new Map<string, Request>();
  private readonly sources = new Map<string, AddressSource>();
  private readonly pins = new Map<string, number>();
  private readonly tokens = new Map<string, TokenRef>();
  private cache?: { readonly plan: AddressPlan; readonly blocks: Map<string, PlannedAddressBlock>; byAddress?: Map<string, string> };

  /** `revision`: the owning deployment's change counter, bumped by every address taken or pinned. */
  constructor(private readonly revision: Revision) {}

  /** The block of `owner` (a stable key) in a subnet; the same source for every call with the same pair. */
  block(subnetKey: string, subnetCidr: string, owner: string, ownerPath: string = owner): AddressSource {
    const key = `${subnetKey}|${owner}`;
    const existing = this.sources.get(key);
    if (existing) return existing;
    const request: Request = { subnetKey, subnetCidr, owner, ownerPath, bottom: 0, top: 0 };
    this.requests.set(key, request);
    const take = (end: AddressEnd) => {
      const n = end === 'bottom' ? request.bottom++ : request.top++;
      this.cache = undefined;
      this.revision.bump();
      // The library's own token: its stack trace would point into the library (lib/stack-traces.ts).
      const token = withoutTokenTraces(() => Lazy.stringValue({ produce: () => this.addressOf(request, end, n) }));
      this.tokens.set(token, { request, end, n });
      return token;
    };
    const source = { next: () => take('bottom'), top: () => take('top') };
    this.sources.set(key, source);
    return source;
  }

  /** Pins every block of `owner` to a block index (for servers that exist already). */
  pin(owner: string, index: number): void {
    this.pins.set(owner, index);
    this.cache = undefined;
    this.revision.bump();
  }

  /** The plan of every request so far. */
  plan(): AddressPlan {
    return this.planned().plan;
  }

  /** Replaces every address token in a text with its planned address. */
  resolve(text: string): string {
    if (!text.includes('TfToken')) return text;
    return text.replace(TOKEN, (t) => {
      const ref = this.tokens.get(t);
      return ref ? this.addressOf(ref.request, ref.end, ref.n) : t;
    });
  }

  private planned() {
    if (!this.cache) {
      const requests: AddressBlockRequest[] = [...this.requests.values()].map((r) => ({
        subnetKey: r.subnetKey,
        subnetCidr: r.subnetCidr,
        owner: r.owner,
        ownerPath: r.ownerPath,
        bottom: r.bottom,
        top: r.top,
        ...(this.pins.has(r.owner) ? { pinnedBlock: this.pins.get(r.owner)! } : {}),
      }));
      const plan = planAddresses(requests);
      this.cache = { plan, blocks: new Map(plan.blocks.map((b) => [`${b.subnetKey}|${b.owner}`, b])) };
    }
    return this.cache;
  }

  /**
   * The CIDR of the planned block that holds `address` (an address or its token), or undefined: a
   * stable prefix for an owner's servers, which scaling the owner does not change.
   */
  blockOf(address: string): string | undefined {
    const ip = this.resolve(address);
    const planned = this.planned();
    const index = (planned.byAddress ??= new Map(planned.plan.blocks.flatMap((b) => b.addresses.map((a) => [a, b.cidr] as [string, string]))));
    return index.get(ip);
  }

  /** A request without a block (a full subnet) gets no address: its finding refuses synthesis. */
  private addressOf(request: Request, end: AddressEnd, n: number): string {
    const block = this.planned().blocks.get(`${request.subnetKey}|${request.owner}`);
    return (block && blockAddress(block, end, n)) ?? '';
  }
}
