/** The body of a group entry (groups.js says why): each member in a describe of its own path, so its top-level hooks stay its own. */
import { basename, relative } from 'path';
import { membersOf, TEST } from './groups';

export function runGroup(entry: string): void {
  const members = membersOf(basename(entry, '.test.ts'));
  if (members.length === 0) throw new Error(`test group ${basename(entry)} has no member; remove it from test/groups/groups.js and delete its entry`);
  for (const file of members) {
    describe(relative(TEST, file), () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(file);
    });
  }
}
