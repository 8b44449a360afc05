/**
 * Transpile-only (@swc/jest): type checking is `tsc -b`, run first by `npm test`. Every test file
 * alone (`npx jest`, `npx jest test/rules/edge`); `npm test` runs them in groups (jest.groups.config.js).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The group entries only require other test files (test/groups/groups.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/groups/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // Two workers on the two-core machine npm test targets (jest would take one: cores - 1).
  maxWorkers: 2,
  // `npm test` (scripts/test.mjs) starts jest as `node --max-semi-space-size=64` (the workers inherit it): synthesis
  // allocates many short-lived objects, and a larger young generation collects them less often.
  // Before the framework and before cdktf loads (test/stack-traces.ts says why).
  setupFiles: ['<rootDir>/test/stack-traces.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testSequencer: '<rootDir>/test/sequencer.js',
};
