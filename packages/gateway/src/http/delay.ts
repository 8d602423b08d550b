/**
 * Waits `ms` milliseconds, or one turn of the event loop when `ms` is 0 (or not finite), so a stream without
 * pacing still yields between tokens. Resolves `false` at once when `signal` aborts.
 */
export function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timed = ms > 0 && Number.isFinite(ms);
    const finish = (completed: boolean) => {
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const timeout = timed ? setTimeout(() => finish(true), ms) : undefined;
    const immediate = timed ? undefined : setImmediate(() => finish(true));
    function onAbort() {
      if (timeout) clearTimeout(timeout);
      if (immediate) clearImmediate(immediate);
      finish(false);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
