import { AddressBlockRequest, blockAddress, BLOCK_SIZE, planAddresses } from '../../lib/model/address-plan';
import { assignSlots, stableHash } from '../../lib/model/keyed-slots';

const fe = (owner: string, bottom = 3, top = 1, pinnedBlock?: number): AddressBlockRequest => ({
  subnetKey: 'west/front-end',
  subnetCidr: '10.10.0.0/20',
  owner,
  bottom,
  top,
  ...(pinnedBlock !== undefined ? { pinnedBlock } : {}),
});

describe('keyed slots', () => {
  test('a key prefers the slot its hash names, whatever else is asked for', () => {
    const alone = assignSlots([{ key: 'west/pool' }], 128).slots.get('west/pool')!;
    expect(alone.slot).toBe(stableHash('west/pool') % 128);
    const crowd = assignSlots(['a', 'b', 'c', 'west/pool', 'z'].map((key) => ({ key })), 128).slots.get('west/pool')!;
    expect(crowd.slot).toBe(alone.slot);
  });

  test('the plan does not depend on the order of the requests', () => {
    const keys = Array.from({ length: 40 }, (_, i) => ({ key: `pool${i}` }));
    const forward = assignSlots(keys, 64);
    const backward = assignSlots([...keys].reverse(), 64);
    expect([...backward.slots.entries()].sort()).toEqual([...forward.slots.entries()].sort());
  });

  test('adding a key moves only a key it collides with', () => {
    const keys = Array.from({ length: 20 }, (_, i) => ({ key: `pool${i}` }));
    const before = assignSlots(keys, 256);
    const after = assignSlots([...keys, { key: 'newcomer' }], 256);
    const moved = keys.filter((k) => before.slots.get(k.key)!.slot !== after.slots.get(k.key)!.slot);
    const taken = after.slots.get('newcomer')!.slot;
    expect(moved.every((k) => before.slots.get(k.key)!.slot === taken)).toBe(true);
  });

  test('pins come first; a pin out of range or taken twice is reported', () => {
    const plan = assignSlots([{ key: 'a', pinned: 3 }, { key: 'b', pinned: 3 }, { key: 'c', pinned: 99 }], 8);
    expect(plan.slots.get('a')).toEqual({ slot: 3, preferred: 3, pinned: true });
    expect(plan.badPins).toEqual([{ key: 'b', pinned: 3, holder: 'a' }, { key: 'c', pinned: 99 }]);
  });
});

describe('address plan', () => {
  test('servers fill a block from the bottom and frontends from the top, so scaling moves no frontend', () => {
    const three = planAddresses([fe('west/pool', 3, 1)]).blocks[0];
    const four = planAddresses([fe('west/pool', 4, 1)]).blocks[0];
    expect(four.index).toBe(three.index);
    expect(blockAddress(four, 'top', 0)).toBe(blockAddress(three, 'top', 0));
    expect([0, 1, 2].map((n) => blockAddress(four, 'bottom', n))).toEqual([0, 1, 2].map((n) => blockAddress(three, 'bottom', n)));
  });

  test('Azure\'s reserved addresses are never handed out', () => {
    const first = planAddresses([fe('a', 1, 0, 0)]).blocks[0];
    expect(first.addresses[0]).toBe('10.10.0.4');
    expect(first.capacity).toBe(BLOCK_SIZE - 4);
    const last = planAddresses([fe('a', 1, 0, 127)]).blocks[0];
    expect(last.addresses.at(-1)).toBe('10.10.15.254');
  });

  test('reports an owner that outgrows its block, a full subnet and a bad pin', () => {
    const small = (owner: string, pinnedBlock?: number): AddressBlockRequest => ({ subnetKey: 'x/front-end', subnetCidr: '10.1.0.0/26', owner, bottom: 2, top: 0, ...(pinnedBlock !== undefined ? { pinnedBlock } : {}) });
    const plan = planAddresses([small('a'), small('b'), small('c'), fe('big', 40, 1), small('d', 7)]);
    expect(plan.problems.map((p) => `${p.kind} ${p.owner}`).sort()).toEqual(['bad-pin d', 'overflow big', 'subnet-full c']);
  });
});
