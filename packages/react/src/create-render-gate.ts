import type { ChatStore, ChatStoreState } from '@helicone-kit/core';
import { scheduleFlush, type Throttle } from './schedule-flush';

/**
 * The store's state as React should see it. While an answer streams, new states are held back and handed over
 * once per frame (or per `throttle`), so a 1,000-chunk answer costs at most one commit per frame. Anything else
 * (send, the answer's end, an error, stop) goes through at once and takes any held-back state with it, so the
 * final flush is never lost, even in a background tab where frames do not run.
 */
export type RenderGate = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => ChatStoreState;
};

export function createRenderGate(store: ChatStore, throttle: () => Throttle): RenderGate {
  const listeners = new Set<() => void>();
  let published = store.getState();
  let unsubscribe: (() => void) | undefined;
  let cancel: (() => void) | undefined;

  const publish = () => {
    cancel?.();
    cancel = undefined;
    const next = store.getState();
    if (next === published) return;
    published = next;
    for (const listener of listeners) listener();
  };

  const onChange = (state: ChatStoreState) => {
    const mode = throttle();
    const streaming =
      state.status === 'streaming' && (published.status === 'streaming' || published.status === 'submitted');
    if (mode === false || !streaming) return publish();
    cancel ??= scheduleFlush(mode, publish);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribe) {
        published = store.getState();
        unsubscribe = store.subscribe(onChange);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || !unsubscribe) return;
        unsubscribe();
        unsubscribe = undefined;
        cancel?.();
        cancel = undefined;
      };
    },
    getSnapshot: () => (unsubscribe ? published : store.getState()),
  };
}
