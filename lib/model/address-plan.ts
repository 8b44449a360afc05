/**
 * The address plan: every subnet is cut into blocks of 32 addresses, and each owner (a pool, a back
 * end, a file store: one construct) gets one block per subnet it uses, chosen by its stable key
 * (`keyed-slots.ts`). Servers take addresses from the bottom of the block, load-balancer frontends and
 * cluster addresses from the top, so scaling a pool moves neither its frontends nor anyone else's
 * addresses, and adding, removing or reordering owners moves no other block.
 */
import { assignSlots } from './keyed-slots';
import { cidrToString, intToIp, parseCidr } from './network';

/** Addresses per block: a 16-server pool with its frontends, or an 8-server Edge pool's 24 external addresses. */
export const BLOCK_SIZE = 32;
/** Azure reserves the first four addresses of a subnet and its last one. */
const RESERVED_LOW = 4;

export type AddressEnd = 'bottom' | 'top';

export interface AddressBlockRequest {
  /** The subnet, e.g. `west/front-end`: unique per site and role. */
  readonly subnetKey: string;
  readonly subnetCidr: string;
  /** Stable key of the owner: its construct path below the deployment. */
  readonly owner: string;
  /** Construct path of the owner, for findings. @default the key */
  readonly ownerPath?: string;
  /** Addresses taken from the bottom (servers) and from the top (frontends, cluster addresses). */
  readonly bottom: number;
  readonly top: number;
  /** Block index chosen by the user (`addressBlock` prop), for servers that already exist. */
  readonly pinnedBlock?: number;
}

export interface PlannedAddressBlock {
  readonly subnetKey: string;
  readonly owner: string;
  readonly index: number;
  readonly cidr: string;
  /** The block the owner's key names; differs from `index` when another owner held it. */
  readonly preferred: number;
  readonly pinned: boolean;
  readonly capacity: number;
  readonly needed: number;
  /** Every usable address of the block, lowest first. */
  readonly addresses: readonly string[];
}

export type AddressProblemKind = 'overflow' | 'subnet-full' | 'bad-pin';

export interface AddressProblem {
  readonly kind: AddressProblemKind;
  readonly subnetKey: string;
  readonly subnetCidr: string;
  readonly owner: string;
  readonly ownerPath: string;
  readonly blocks: number;
  readonly needed?: number;
  readonly capacity?: number;
  readonly pinned?: number;
  readonly holder?: string;
}

export interface AddressPlan {
  readonly blocks: readonly PlannedAddressBlock[];
  readonly problems: readonly AddressProblem[];
}

function usableAddresses(subnetBase: number, subnetSize: number, index: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < BLOCK_SIZE; k++) {
    const offset = index * BLOCK_SIZE + k;
    if (offset < RESERVED_LOW || offset >= subnetSize - 1) continue;
    out.push(intToIp(subnetBase + offset));
  }
  return out;
}

/** Plans every block of every subnet: a pure function of the requests, independent of their order. */
export function planAddresses(requests: readonly AddressBlockRequest[]): AddressPlan {
  const bySubnet = new Map<string, AddressBlockRequest[]>();
  for (const r of requests) bySubnet.set(r.subnetKey, [...(bySubnet.get(r.subnetKey) ?? []), r]);
  const blocks: PlannedAddressBlock[] = [];
  const problems: AddressProblem[] = [];
  for (const subnetKey of [...bySubnet.keys()].sort()) {
    const list = bySubnet.get(subnetKey)!;
    const cidr = parseCidr(list[0].subnetCidr);
    if (typeof cidr === 'string') continue;
    const size = 2 ** (32 - cidr.prefix);
    const count = Math.max(1, Math.floor(size / BLOCK_SIZE));
    const plan = assignSlots(list.map((r) => ({ key: r.owner, ...(r.pinnedBlock !== undefined ? { pinned: r.pinnedBlock } : {}) })), count);
    const common = { subnetKey, subnetCidr: list[0].subnetCidr, blocks: count };
    const pathOf = (owner: string) => list.find((r) => r.owner === owner)?.ownerPath ?? owner;
    for (const bad of plan.badPins) problems.push({ ...common, kind: 'bad-pin', owner: bad.key, ownerPath: pathOf(bad.key), pinned: bad.pinned, ...(bad.holder ? { holder: bad.holder } : {}) });
    for (const owner of plan.unplaced) problems.push({ ...common, kind: 'subnet-full', owner, ownerPath: pathOf(owner) });
    for (const r of list) {
      const a = plan.slots.get(r.owner);
      if (!a) continue;
      const addresses = usableAddresses(cidr.base, size, a.slot);
      const needed = r.bottom + r.top;
      const blockBase = cidr.base + a.slot * BLOCK_SIZE;
      blocks.push({
        subnetKey,
        owner: r.owner,
        index: a.slot,
        cidr: cidrToString({ base: blockBase, prefix: 32 - Math.log2(Math.min(BLOCK_SIZE, size)) }),
        preferred: a.preferred,
        pinned: a.pinned,
        capacity: addresses.length,
        needed,
        addresses,
      });
      if (needed > addresses.length) problems.push({ ...common, kind: 'overflow', owner: r.owner, ownerPath: r.ownerPath ?? r.owner, needed, capacity: addresses.length });
    }
  }
  blocks.sort((a, b) => (a.subnetKey === b.subnetKey ? a.index - b.index : a.subnetKey < b.subnetKey ? -1 : 1));
  return { blocks, problems };
}

/** The `n`th address from one end of a planned block, or undefined when the block has no such address. */
export function blockAddress(block: PlannedAddressBlock, end: AddressEnd, n: number): string | undefined {
  const i = end === 'bottom' ? n : block.addresses.length - 1 - n;
  return i >= 0 && i < block.addresses.length ? block.addresses[i] : undefined;
}
