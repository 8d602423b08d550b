import { createChatSessionRegistry, type ChatStore, type ChatStoreState } from '@helicone-kit/core';

/**
 * How often a streaming answer reaches React: `'frame'` (default) at most once per animation frame, a number at
 * most once per that many milliseconds, `false` on every chunk.
 */
export type Throttle = 'frame' | number | false;

/**
 * The store's state as React should see it. While a request runs, new states are held back and handed over once
 * per frame (or per `throttle`, default `'frame'`), so a 1,000-chunk answer costs at most one commit per frame.
 * The start of a request (the user's message), its end (answer settled, error, stop), and what the user changes
 * (draft, model, session) go through at once, taking any held-back state with them, so the final flush is never
 * lost, even in a background tab where frames do not run; a composer's caret never jumps.
 *
 * Made for one subscriber at a time (the hook that made it); while none is subscribed it shows the store as is.
 */
export type RenderGate = {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => ChatStoreState;
  /**
   * What the server renders and the browser hydrates with: an empty chat with the store's model and session.
   * Stored sessions live in the browser, so the server cannot know them; the browser shows them right after.
   */
  getServerSnapshot: () => ChatStoreState;
};

export function createRenderGate(store: ChatStore, throttle: () => Throttle | undefined): RenderGate {
  let published: ChatStoreState | undefined;
  let empty: ChatStoreState | undefined;
  return {
    subscribe(listener) {
      let subscribed = true;
      // One flush waits at a time; a state handed over at once in between leaves it waiting (it then finds
      // nothing new), so two flushes never land in one frame.
      let waiting = false;
      const publish = () => {
        if (subscribed && published !== (published = store.getState())) listener();
      };
      const flush = () => {
        waiting = false;
        publish();
      };
      published = store.getState();
      const unsubscribe = store.subscribe((state) => {
        const shown = published!;
        const mode = throttle() ?? 'frame';
        if (
          mode === false ||
          !isBusy(state) ||
          !isBusy(shown) ||
          state.session !== shown.session ||
          state.draft !== shown.draft ||
          state.model !== shown.model
        ) {
          publish();
        } else if (!waiting) {
          waiting = true;
          // Looked up at each call: no browser API is touched at import, and tests can install a fake.
          if (mode === 'frame' && typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
          else setTimeout(flush, mode === 'frame' ? 16 : mode);
        }
      });
      return () => {
        subscribed = false;
        unsubscribe();
        published = undefined;
      };
    },
    getSnapshot: () => published ?? store.getState(),
    // A session of an in-memory registry of its own, never stored: the messages, branches, status, draft and
    // totals of a chat that never ran.
    getServerSnapshot: () =>
      (empty ??= {
        ...store.getState(),
        ...createChatSessionRegistry().peek('').store.getState(),
        error: undefined,
        retryAt: undefined,
      }),
  };
}

const isBusy = (state: ChatStoreState) => state.status === 'submitted' || state.status === 'streaming';
