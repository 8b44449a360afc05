// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
import { skipTokenStackTraces, Testing } from '../lib/cdktf';
import { installFastSynth } from './fast-synth';

Testing.setupJest();
// cdktf captures a full stack trace for every token it creates; under jest that was about 85% of the
// time spent building a topology. Skip exactly those captures (lib/cdktf.ts explains).
skipTokenStackTraces();
// Lifecycle findings (LIFE-*) depend on the evaluation date: pin it for every test, including the
// examples and hand-built models that set none (test/helpers.ts passes the same date explicitly).
process.env.SFB_EVALUATION_DATE = '2026-12-01';
// Testing.synth's metadata strip is quadratic in an object's keys; the same bytes, linearly (test/fast-synth.ts).
installFastSynth();
