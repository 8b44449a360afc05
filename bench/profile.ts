/**
 * A CPU profile of one warm synthesis at N pool pairs (default 16), for finding where time goes:
 * `npx tsx bench/profile.ts 16 [library|plain|typed|referenced]` writes `<side>-<N>.cpuprofile` (open it in Chrome
 * DevTools or VS Code). `plain`, `typed` and `referenced` are the cdktf-alone baselines of bench/sides.ts on the
 * library's JSON. The first synthesis warms the JIT and is not profiled.
 */
import { Session } from 'inspector';
import { writeFileSync } from 'fs';
import { skipTokenStackTraces } from '../lib/cdktf';
import { librarySide } from './library-side';
import { cdktfAloneSide, cdktfReferencedSide, cdktfTypedSide } from './sides';

skipTokenStackTraces();
const pairs = Number(process.argv[2] ?? 16);
const side = process.argv[3] ?? 'library';
const json = JSON.parse(librarySide(pairs));
const run = { library: () => librarySide(pairs), plain: () => cdktfAloneSide(json), typed: () => cdktfTypedSide(json), referenced: () => cdktfReferencedSide(json) }[side];
if (!run) throw new Error(`side ${JSON.stringify(side)}: use library, plain, typed or referenced`);
run();
const s = new Session();
s.connect();
s.post('Profiler.enable', () =>
  s.post('Profiler.setSamplingInterval', { interval: 200 }, () =>
    s.post('Profiler.start', () => {
      run();
      s.post('Profiler.stop', (_err, { profile }) => writeFileSync(`${side}-${pairs}.cpuprofile`, JSON.stringify(profile)));
    }),
  ),
);
