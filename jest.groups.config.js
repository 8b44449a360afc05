/**
 * `npm test`'s jest: the test files in groups (test/groups/groups.js says why and which), the
 * standalone suites alone; otherwise jest.config.js, with which `npx jest` runs every file alone.
 */
const base = require('./jest.config');
const { isStandalone, testFiles } = require('./test/groups/groups');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/groups/*.test.ts', ...testFiles().filter(isStandalone).map((f) => `<rootDir>/test/${f}`)],
  testPathIgnorePatterns: ['/node_modules/'],
};
