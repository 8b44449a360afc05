// `npm test` runs the test files in groups (jest.groups.config.js): one jest test file per group,
// requiring its members, so cdktf, the provider and the library load once per group instead of once
// per file (about a quarter of a second each) and stay warm. `npx jest` (jest.config.js) still runs
// every file alone. Each file belongs to exactly one group: the first whose pattern matches its path
// (relative to test/), or `rest`. Plain JavaScript: the jest configs read it too.
const { readdirSync } = require('fs');
const { join, relative, sep } = require('path');

const TEST = join(__dirname, '..');

/**
 * Run alone, as jest files of their own: the packed-package suite (long: the sequencer starts it
 * first) and the snapshot suites (jest keeps snapshots per test file).
 */
const STANDALONE = [/^consumer\//, /^examples\.test\.ts$/, /^voice-example\.test\.ts$/];

/** Group name and the paths it takes, first match first. */
const GROUPS = [
  ['property', /^property\//],
  ['constructs', /^constructs\//],
  ['rules', /^rules\//],
  ['reports-docs', /^(reports|docs)\//],
  ['network-day2', /^(stacks|segmentation|hybrid|day2)\//],
  ['model', /^(model|backup|input|examples|architecture)\/|^[^/]+$/],
];
const REST = 'rest';

/** Every test file below test/ but the group entries, as paths relative to test/ with `/`, sorted. */
function testFiles(dir = TEST) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== __dirname && entry.name !== 'node_modules') out.push(...testFiles(path));
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(relative(TEST, path).split(sep).join('/'));
    }
  }
  return out.sort();
}

const isStandalone = (file) => STANDALONE.some((re) => re.test(file));

/** The group of a test file that is not standalone. */
function groupOf(file) {
  const found = GROUPS.find(([, re]) => re.test(file));
  return found ? found[0] : REST;
}

/** The absolute paths of the members of group `name`. */
function membersOf(name) {
  return testFiles().filter((f) => !isStandalone(f) && groupOf(f) === name).map((f) => join(TEST, f));
}

const GROUP_NAMES = [...GROUPS.map(([name]) => name), REST];

module.exports = { GROUP_NAMES, STANDALONE, TEST, groupOf, isStandalone, membersOf, testFiles };
