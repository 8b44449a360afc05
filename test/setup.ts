// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
import { Testing } from '../lib/cdktf';
import { installFastSynth } from './fast-synth';

Testing.setupJest();
// Lifecycle findings (LIFE-*) depend on the evaluation date: pin it for every test, including the
// examples and hand-built models that set none (test/helpers.ts passes the same date explicitly).
process.env.SFB_EVALUATION_DATE = '2026-12-01';
// Testing.synth's metadata strip is quadratic in an object's keys; the same bytes, linearly (test/fast-synth.ts).
installFastSynth();
