/**
 * The grouping itself (groups.js): every test file runs under `npm test` exactly once, in its group
 * or alone, and any file no group pattern takes runs here, in `rest`.
 */
import { readdirSync } from 'fs';
import { runGroup } from './run';
import * as groups from './groups';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const groupedConfig = require('../../jest.groups.config') as { testMatch: string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aloneConfig = require('../../jest.config') as { testPathIgnorePatterns: string[] };

describe('the test groups', () => {
  test('every group has its entry file, and every entry file is a group', () => {
    const entries = readdirSync(__dirname).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, '')).sort();
    expect(entries).toEqual([...groups.GROUP_NAMES].sort());
  });

  test('every test file is run exactly once: standalone by the grouped config, or as a member of one group', () => {
    const files = groups.testFiles();
    expect(files.length).toBeGreaterThan(100);
    const standalone = files.filter(groups.isStandalone);
    expect(groupedConfig.testMatch.filter((m) => !m.includes('/test/groups/')).map((m) => m.replace('<rootDir>/test/', '')).sort()).toEqual(standalone);
    const members = groups.GROUP_NAMES.flatMap((name) => groups.membersOf(name).map((f) => f.slice(groups.TEST.length + 1)));
    expect([...members, ...standalone].sort()).toEqual(files);
    expect(new Set(members).size).toBe(members.length);
  });

  test('npx jest runs every file alone and skips the entries (they only require those files)', () => {
    expect(aloneConfig.testPathIgnorePatterns).toContain('<rootDir>/test/groups/');
  });
});

if (groups.membersOf('rest').length > 0) runGroup(__filename);
