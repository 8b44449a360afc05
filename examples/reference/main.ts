/** `npm run synth` runs this through the cdktf CLI: the reference topology into cdktf.out/, the runbook into cdktf.out/runbook.md and the planning reports into cdktf.out/reports/. */
import { skipTokenStackTraces } from '../../lib/cdktf';
import { synthReference } from './synth';

// cdktf captures a full stack trace for every token it creates, which dominates the synthesis of large
// topologies (see lib/cdktf.ts); findings are reported by message, so those traces are not needed.
skipTokenStackTraces();

synthReference();
