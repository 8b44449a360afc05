// Longest suites first, so that on a fresh clone (no jest timing cache yet) neither of the two workers
// is left running the packed-package or the property suites alone at the end. jest's own sequencer
// (a dependency of jest's, resolved from there) orders the rest: by recorded duration, else file size.
const Sequencer = require(require.resolve('@jest/test-sequencer', { paths: [require.resolve('jest')] })).default;

const LONGEST_FIRST = [/[\\/]test[\\/]consumer[\\/]/, /[\\/]test[\\/]property[\\/]/];

class LongestFirst extends Sequencer {
  sort(tests) {
    const rank = (t) => {
      const i = LONGEST_FIRST.findIndex((re) => re.test(t.path));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    return super.sort(tests).map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map(({ t }) => t);
  }
}

module.exports = LongestFirst;
