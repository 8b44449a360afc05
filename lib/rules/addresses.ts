/**
 * ADDR-*: the address plan (lib/model/address-plan.ts). Every owner gets a block of 32 addresses per
 * subnet by its stable key; these rules report what the plan cannot place, so nothing shifts silently.
 */
import { Severity } from '../enums';
import { AddressProblem } from '../model/address-plan';
import { TopologyModel } from '../model/topology';
import { rule, unacknowledgeable, Violation } from './rule';

const SOURCE = 'the library: addresses keyed by owner, never by declaration order (docs/address-plan.md)';

function problems(m: TopologyModel, kind: AddressProblem['kind']): AddressProblem[] {
  return (m.addressPlan?.problems ?? []).filter((p) => p.kind === kind);
}

export const ADDRESS_RULES = [
  unacknowledgeable(
    rule('ADDR-1', Severity.ERROR, 'An owner fits its address block', SOURCE, (m) =>
      problems(m, 'overflow').map((p): Violation => ({
        path: p.ownerPath,
        message: `${p.owner} needs ${p.needed} addresses in subnet ${p.subnetCidr} (${p.subnetKey}), but its block holds ${p.capacity}; use fewer servers, or split the pool into two pools`,
      })),
    ),
    'an address outside the block would collide with another owner\'s servers',
  ),
  unacknowledgeable(
    rule('ADDR-2', Severity.ERROR, 'Every owner gets an address block in its subnet', SOURCE, (m) =>
      problems(m, 'subnet-full').map((p): Violation => ({
        path: p.ownerPath,
        message: `subnet ${p.subnetCidr} (${p.subnetKey}) has ${p.blocks} blocks of 32 addresses and all are taken, so ${p.owner} has none; give the site a larger addressSpace (a /16 gives 128 blocks per subnet)`,
      })),
    ),
    'a server without an address cannot be created',
  ),
  unacknowledgeable(
    rule('ADDR-3', Severity.ERROR, 'A pinned address block exists and is not pinned twice', SOURCE, (m) =>
      problems(m, 'bad-pin').map((p): Violation => ({
        path: p.ownerPath,
        message: p.holder !== undefined
          ? `addressBlock ${p.pinned} of ${p.owner} in subnet ${p.subnetCidr} is already pinned by ${p.holder}; pin another block (0 to ${p.blocks - 1})`
          : `addressBlock ${p.pinned} of ${p.owner} is outside subnet ${p.subnetCidr} (${p.subnetKey}), which has blocks 0 to ${p.blocks - 1}; pin one of those`,
      })),
    ),
    'two owners on one block would share addresses',
  ),
];
