/**
 * One run of bench/first-synthesis.ts, compiled to JavaScript in the scratch project: one side, one
 * synthesis, in this fresh process. `library` writes its JSON to the file; a baseline reads it as the
 * data its program is written from and checks it emits the same. The CPU reported is the process's
 * from its start to the end of the synthesis, less a baseline's reading and parsing of that file: the
 * bench's own plumbing (writing the file, comparing, counting) comes after the clock stops.
 *   node first-run.js library|plain|typed|referenced <pairs> <json file>
 */
import { readFileSync, writeFileSync } from 'fs';
import { cdktfAloneSide, cdktfReferencedSide, cdktfTypedSide, comparable, count } from './sides';

const [side, pairsText, file] = process.argv.slice(2) as [string, string, string];
const pairs = Number(pairsText);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
let sameJson: boolean | undefined;
let text: string;
let synthesisCpuMs: number;
if (side === 'library') {
  // Loaded only by this side: a baseline's process holds cdktf and the provider classes it uses, as a
  // program written without the library would.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { librarySide } = require('./library-side') as typeof import('./library-side');
  text = librarySide(pairs);
  synthesisCpuMs = cpuMs();
  writeFileSync(file, text);
} else {
  const emit = { plain: cdktfAloneSide, typed: cdktfTypedSide, referenced: cdktfReferencedSide }[side];
  if (!emit) throw new Error(`side ${JSON.stringify(side)}: use library, plain, typed or referenced`);
  const beforeInput = cpuMs();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const inputMs = cpuMs() - beforeInput;
  text = emit(json);
  synthesisCpuMs = cpuMs() - inputMs;
  sameJson = comparable(JSON.parse(text)) === comparable(json);
}
process.stdout.write(
  JSON.stringify({ cpuMs: synthesisCpuMs, peakMb: process.resourceUsage().maxRSS / 1024, resources: count(JSON.parse(text)), sameJson }) + '\n',
);
