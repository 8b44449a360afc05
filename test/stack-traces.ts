// jest `setupFiles`: runs before test/setup.ts loads cdktf, whose modules create tokens (each one a
// stack trace) as they load. Skipping them from the start saves every suite parsing source maps.
import { skipTokenStackTraces } from '../lib/stack-traces';

skipTokenStackTraces();
