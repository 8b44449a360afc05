/**
 * cdktf captures a full stack trace for every token it creates (each `.id`, `.name` or variable
 * reference, and every nested-block reference a provider class builds in its constructor), into a
 * plain `{ stack: '' }` object, only to print it if that token later fails to resolve. For a large
 * topology that is about a third of a first synthesis's CPU and a quarter of its memory
 * (`npm run bench:first`). `Error` objects and every other caller keep their stack traces.
 */
type Capture = typeof Error.captureStackTrace & { tokenTracesSkipped?: boolean };

/** `capture`, minus the captures into cdktf's plain `{ stack: '' }` trace holders. */
function skipping(capture: Capture): Capture {
  const patched: Capture = function (this: unknown, target: object, constructorOpt?: Function) {
    const plain = !(target instanceof Error) && target !== null && typeof target === 'object' && (target as { stack?: unknown }).stack === '';
    if (!plain) capture.call(Error, target, constructorOpt);
  };
  patched.tokenTracesSkipped = true;
  return patched;
}

/**
 * Skips token stack traces for the rest of the process. An opt-in for a program's entry point (the
 * tests and benchmarks call it); the library itself only pauses them (pauseTokenTraces).
 */
export function skipTokenStackTraces(): void {
  const capture = Error.captureStackTrace as Capture;
  if (!capture.tokenTracesSkipped) Error.captureStackTrace = skipping(capture);
}

/**
 * Skips token stack traces until the returned function is called, for the library's own provider
 * objects (lib/azurerm.ts): their traces would point into the library, which a user cannot act on.
 * Synchronous use only (`const resume = pauseTokenTraces(); try { ... } finally { resume(); }`);
 * nested pauses, and a process that skips them already, leave the outer state in place.
 */
export function pauseTokenTraces(): () => void {
  const capture = Error.captureStackTrace as Capture;
  if (capture.tokenTracesSkipped) return () => undefined;
  Error.captureStackTrace = skipping(capture);
  return () => {
    Error.captureStackTrace = capture;
  };
}

/** `make()`, its tokens untraced (pauseTokenTraces), for tokens the library makes itself. */
export function withoutTokenTraces<T>(make: () => T): T {
  const resume = pauseTokenTraces();
  try {
    return make();
  } finally {
    resume();
  }
}
