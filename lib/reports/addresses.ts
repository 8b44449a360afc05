/**
 * The address plan as a report: every block of every subnet, whom it belongs to, and whether it is the
 * block the owner's key names (a moved block is where pinning with `addressBlock` keeps it for good).
 */
import { TopologyModel } from '../model/topology';
import { header, heading, table } from './markdown';

export function addressReport(model: TopologyModel): string {
  const plan = model.addressPlan ?? { blocks: [], problems: [] };
  const rows = plan.blocks.map((b) => [
    b.subnetKey,
    b.owner,
    b.index,
    b.cidr,
    b.pinned ? 'pinned' : b.index === b.preferred ? 'by key' : `by key (block ${b.preferred} was taken)`,
    `${b.needed} of ${b.capacity}`,
    `${b.addresses[0] ?? ''} to ${b.addresses[b.addresses.length - 1] ?? ''}`,
  ]);
  const problems = plan.problems.map((p) => [p.kind, p.subnetKey, p.owner, p.kind === 'overflow' ? `needs ${p.needed}, holds ${p.capacity}` : p.kind === 'bad-pin' ? `addressBlock ${p.pinned}${p.holder ? ` (pinned by ${p.holder})` : ''}` : `all ${p.blocks} blocks taken`]);
  return [
    header('Address plan', model),
    'Each owner (a pool, back end, file store) takes a block of 32 addresses in each subnet it uses, chosen by its key (its construct path), never by declaration order: servers from the bottom of the block, load-balancer frontends and cluster addresses from the top. Pin a block with the `addressBlock` prop to keep it whatever else changes (docs/address-plan.md).\n',
    heading(2, 'Blocks'),
    table(['Subnet', 'Owner', 'Block', 'CIDR', 'Chosen', 'Used', 'Addresses'], rows),
    heading(2, 'Problems (ADDR-1, ADDR-2, ADDR-3)'),
    problems.length > 0 ? table(['Kind', 'Subnet', 'Owner', 'What'], problems) : 'None.\n',
  ].join('\n');
}
