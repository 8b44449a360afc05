/** `npm run synth` runs this through the cdktf CLI: the reference topology into cdktf.out/, the runbook into cdktf.out/runbook.md. */
import { synthReference } from './synth';

synthReference();
