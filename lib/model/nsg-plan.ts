/**
 * NSG rule priorities from stable rule keys (the rule's name in its NSG), never from the order flows
 * were asked for: adding, removing or reordering flows leaves every other rule's priority as it was.
 * Allow rules take 100-3999; 4000-4096 stay free for the deny rules that close a subnet.
 */
import { assignSlots } from './keyed-slots';
import { FlowModel } from './topology';

export const FIRST_ALLOW_PRIORITY = 100;
export const LAST_ALLOW_PRIORITY = 3999;

/** A flow as asked for, before it has a priority. */
export type FlowIntent = Omit<FlowModel, 'priority'>;

/** Every flow of one NSG with its priority, in priority order; throws when the NSG holds more rules than priorities. */
export function planNsgRules(nsg: string, flows: readonly FlowIntent[]): FlowModel[] {
  const count = LAST_ALLOW_PRIORITY - FIRST_ALLOW_PRIORITY + 1;
  const plan = assignSlots(flows.map((f) => ({ key: f.name })), count);
  if (plan.unplaced.length > 0) {
    throw new Error(`network security group ${nsg} needs ${flows.length} rules; Azure allows ${count} allow priorities; merge flows`);
  }
  return flows
    .map((f) => ({ ...f, priority: FIRST_ALLOW_PRIORITY + plan.slots.get(f.name)!.slot }))
    .sort((a, b) => a.priority - b.priority);
}
