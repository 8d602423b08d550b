import type { ChatStore, ChatStoreState } from '@helicone-kit/core';
import { scheduleFlush, type Throttle } from './schedule-flush';

/**
 * The store's state as React should see it. While a request runs, new states are held back and handed over once
 * per frame (or per `throttle`), so a 1,000-chunk answer costs at most one commit per frame. The start of a request
 * (the user's message) and its end (answer settled, error, stop) go through at once, taking any held-back state
 * with them, so the final flush is never lost, even in a background tab where frames do not run.
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
    // Held back: changes while a request runs (the answer's message appearing, chunks, the move to streaming).
    // Another session shown goes through at once: its messages never wait behind the old session's id.
    if (mode === false || !isBusy(state) || !isBusy(published) || state.session.id !== published.session.id) {
      return publish();
    }
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

const isBusy = (state: ChatStoreState) => state.status === 'submitted' || state.status === 'streaming';
