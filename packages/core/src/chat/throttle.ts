/**
 * How often a streaming answer's changes are handed over: milliseconds (default 50), `'frame'` (each animation
 * frame, about 16 ms), or `false` (each network chunk as it comes).
 */
export type Throttle = 'frame' | number | false;

/** The default `throttle`: as often as the AI SDK's docs tune `useChat`, a twentieth of a second. */
export const DEFAULT_THROTTLE_MS = 50;

/** `throttle` as milliseconds between batches of a stream (0: no batching). */
export const throttleMs = (throttle: Throttle | undefined): number =>
  throttle === false ? 0 : throttle === 'frame' ? 16 : (throttle ?? DEFAULT_THROTTLE_MS);
