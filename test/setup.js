// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
require('cdktf').Testing.setupJest();

// cdktf captures a full, source-mapped stack trace for every token it creates (Lazy, Intrinsic), into
// a plain `{ stack: '' }` object, only to print it in token-resolution errors. Under jest that is
// about 85% of the time spent building a topology. Skip exactly those captures; Error objects and
// every other caller get their stack traces as before.
const captureStackTrace = Error.captureStackTrace;
Error.captureStackTrace = function (target, ...rest) {
  if (!(target instanceof Error) && target !== null && typeof target === 'object' && target.stack === '') return;
  return captureStackTrace.call(Error, target, ...rest);
};
