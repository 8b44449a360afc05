/** Key order (lib/model/keys.ts): digit runs by value, the rest by code unit; sortedByKeys splits each key once. */
import * as fc from 'fast-check';
import { byPathOrder, compareKeys, sortedByKeys } from '../../lib/model/keys';

const key = fc.stringMatching(/^[a-c0-9/#-]{0,8}$/);

describe('key order', () => {
  test('digit runs compare as numbers, text runs as text', () => {
    expect(['server10', 'server2', 'server1'].sort(compareKeys)).toEqual(['server1', 'server2', 'server10']);
    // Runs, not characters: the text run "ab" is a prefix of "ab#", so "ab1" comes first.
    expect(compareKeys('ab1', 'ab#')).toBeLessThan(0);
    expect(compareKeys('pool-01', 'pool-1')).toBeLessThan(0);
    expect(compareKeys('west/pool', 'west/pool')).toBe(0);
  });

  test('sortedByKeys orders as a sort by compareKeys, key by key, and leaves its input as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ path: key, type: key }), { maxLength: 30 }), (items) => {
        const input = [...items];
        const expected = [...items].sort((a, b) => compareKeys(a.path, b.path) || compareKeys(a.type, b.type));
        expect(sortedByKeys(items, (i) => i.path, (i) => i.type)).toEqual(expected);
        expect(byPathOrder(items).map((i) => i.path)).toEqual([...items].sort((a, b) => compareKeys(a.path, b.path)).map((i) => i.path));
        expect(items).toEqual(input);
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
