/**
 * cdktf captures a full stack trace for every token it creates (each `.id`, `.name` or variable
 * reference), into a plain `{ stack: '' }` object, only to print it if that token later fails to
 * resolve. For a large topology that is about a third of synthesis time (measured with
 * `npm run bench`). This opt-in skips exactly those captures; `Error` objects and every other caller
 * keep their stack traces. Call it once at the top of a program's entry point, not from a library.
 */
export function skipTokenStackTraces(): void {
  const capture = Error.captureStackTrace as typeof Error.captureStackTrace & { tokenTracesSkipped?: boolean };
  if (capture.tokenTracesSkipped) return;
  const patched = function (this: unknown, target: object, constructorOpt?: Function) {
    const plain = !(target instanceof Error) && target !== null && typeof target === 'object' && (target as { stack?: unknown }).stack === '';
    if (!plain) capture.call(Error, target, constructorOpt);
  } as typeof Error.captureStackTrace & { tokenTracesSkipped?: boolean };
  patched.tokenTracesSkipped = true;
  Error.captureStackTrace = patched;
}
