import type { ChatStore } from '@helicone-kit/core';

const timers = new WeakMap<ChatStore, ReturnType<typeof setTimeout>>();
const released = new WeakSet<ChatStore>();

/**
 * Destroys a store after `delayMs` unless `claim` comes first. A hook's store is made during render, and a render
 * may never be committed (Strict Mode renders twice and keeps one): an unclaimed store lets go of its session on
 * its own. On unmount the delay is 0, because Strict Mode's unmount-and-remount of effects happens in one go.
 */
export function releaseLater(store: ChatStore, delayMs: number): void {
  const timer = timers.get(store);
  if (timer !== undefined) clearTimeout(timer);
  timers.set(
    store,
    setTimeout(() => {
      timers.delete(store);
      released.add(store);
      store.destroy();
    }, delayMs),
  );
}

/** Keeps a store from being destroyed; false when it already was (a new one must be made). */
export function claim(store: ChatStore): boolean {
  const timer = timers.get(store);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(store);
  return !released.has(store);
}
