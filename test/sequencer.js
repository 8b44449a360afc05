// Longest suites first, so that neither of the two workers is left running a long suite alone at the
// end: the packed-package suite, then the property group, then the rest by size, a group entry
// (test/groups/) weighing what its members weigh. Size, not jest's recorded durations: CI runs a fresh
// clone, which has none. jest's own sequencer (a dependency of jest's, resolved from there) breaks ties.
const { statSync } = require('fs');
const { basename, dirname } = require('path');
const Sequencer = require(require.resolve('@jest/test-sequencer', { paths: [require.resolve('jest')] })).default;
const { membersOf } = require('./groups/groups');

const LONGEST_FIRST = [/[\\/]test[\\/]consumer[\\/]/, /[\\/]test[\\/]groups[\\/]property\.test\.ts$/];

const isGroupEntry = (path) => basename(dirname(path)) === 'groups';
const weight = (path) =>
  isGroupEntry(path) ? membersOf(basename(path, '.test.ts')).reduce((sum, f) => sum + statSync(f).size, 0) : statSync(path).size;

class LongestFirst extends Sequencer {
  sort(tests) {
    const rank = (t) => {
      const i = LONGEST_FIRST.findIndex((re) => re.test(t.path));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    const order = (a, b) => rank(a.t) - rank(b.t) || a.w - b.w || a.i - b.i;
    return super.sort(tests).map((t, i) => ({ t, i, w: -weight(t.path) })).sort(order).map(({ t }) => t);
  }
}

module.exports = LongestFirst;
