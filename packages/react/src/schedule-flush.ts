/**
 * How often a streaming answer reaches React: `'frame'` (default) at most once per animation frame, a number at
 * most once per that many milliseconds, `false` on every chunk.
 */
export type Throttle = 'frame' | number | false;

/** Runs `flush` later as `throttle` says; returns the function that cancels it. */
export function scheduleFlush(throttle: 'frame' | number, flush: () => void): () => void {
  // Looked up at each call: no browser API is touched at import, and tests can install a fake.
  if (throttle === 'frame' && typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(flush);
    return () => cancelAnimationFrame(handle);
  }
  const timer = setTimeout(flush, throttle === 'frame' ? 16 : throttle);
  return () => clearTimeout(timer);
}
