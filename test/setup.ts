// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
import { skipTokenStackTraces, Testing } from '../lib/cdktf';

Testing.setupJest();
// cdktf captures a full stack trace for every token it creates; under jest that was about 85% of the
// time spent building a topology. Skip exactly those captures (lib/cdktf.ts explains).
skipTokenStackTraces();
