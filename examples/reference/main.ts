/** `npm run synth` runs this through the cdktf CLI: the reference topology into cdktf.out/, the runbook into cdktf.out/runbook.md and the planning reports into cdktf.out/reports/. */
// cdktf captures a full stack trace for every token it creates; with the source maps tsx turns on,
// that dominates synthesis of large topologies (measured: about 2x). Findings are reported by
// message, so stack positions are not needed here.
process.setSourceMapsEnabled(false);

import { synthReference } from './synth';

synthReference();
