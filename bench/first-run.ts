/**
 * One run of bench/first-synthesis.ts, compiled to JavaScript in the scratch project: one side, one
 * synthesis, in this fresh process. `library` writes its JSON to the file; a baseline reads it (as
 * data, before the clock it reports has anything to say: the process's own CPU time includes it, and
 * parsing a file is not what distinguishes the sides) and checks it emits the same.
 *   node first-run.js library|plain|typed|referenced <pairs> <json file>
 */
import { readFileSync, writeFileSync } from 'fs';
import { cdktfAloneSide, cdktfReferencedSide, cdktfTypedSide, comparable, count } from './sides';

const [side, pairsText, file] = process.argv.slice(2) as [string, string, string];
const pairs = Number(pairsText);
let sameJson: boolean | undefined;
let text: string;
if (side === 'library') {
  // Loaded only by this side: a baseline's process holds cdktf and the provider classes it uses, as a
  // program written without the library would.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { librarySide } = require('./library-side') as typeof import('./library-side');
  text = librarySide(pairs);
  writeFileSync(file, text);
} else {
  const emit = { plain: cdktfAloneSide, typed: cdktfTypedSide, referenced: cdktfReferencedSide }[side];
  if (!emit) throw new Error(`side ${JSON.stringify(side)}: use library, plain, typed or referenced`);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  text = emit(json);
  sameJson = comparable(JSON.parse(text)) === comparable(json);
}
const cpu = process.cpuUsage();
process.stdout.write(
  JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, resources: count(JSON.parse(text)), sameJson }) + '\n',
);
