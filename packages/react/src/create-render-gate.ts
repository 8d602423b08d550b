import { createChatSessionRegistry, type ChatStore, type ChatStoreState } from '@helicone-kit/core';

/**
 * How often a streaming answer reaches React: `'frame'` (default) at most once per animation frame, a number at
 * most once per that many milliseconds, `false` on every chunk.
 */
export type Throttle = 'frame' | number | false;

/**
 * The store as React should follow it. While a request runs, React is told of new states once per frame (or per
 * `throttle`, default `'frame'`), so a 1,000-chunk answer costs at most one commit per frame; a render shows the
 * store as it then is, so no commit mixes two states. The start of a request (the user's message), its end
 * (answer settled, error, stop), and what the user changes (draft, model, session) are told at once, and show
 * anything told late with them, so the final flush is never lost, even in a background tab where frames do not
 * run; a composer's caret never jumps. The three arguments of `useSyncExternalStore`, in its order.
 */
export type RenderGate = readonly [
  subscribe: (listener: () => void) => () => void,
  getSnapshot: () => ChatStoreState,
  /**
   * What the server renders and the browser hydrates with: an empty chat with the store's model and session.
   * Stored sessions live in the browser, so the server cannot know them; the browser shows them right after.
   */
  getServerSnapshot: () => ChatStoreState,
];

/** `options`: the latest options of the chat, whose `throttle` is read at each change. */
export function createRenderGate(
  store: ChatStore,
  options: () => { throttle?: Throttle | undefined },
): RenderGate {
  let empty: ChatStoreState | undefined;
  return [
    // subscribe
    (listener) => {
      // One late call waits at a time: a state told at once in between leaves it waiting (React then finds
      // nothing new), so two commits never land in one frame.
      let waiting = false;
      const flush = () => {
        waiting = false;
        listener();
      };
      return store.subscribe((state, previous) => {
        const mode = options().throttle ?? 'frame';
        if (
          mode === false ||
          !isBusy(state) ||
          !isBusy(previous) ||
          state.session !== previous.session ||
          state.draft !== previous.draft ||
          state.model !== previous.model
        ) {
          listener();
        } else if (!waiting) {
          waiting = true;
          // Looked up at each call: no browser API is touched at import, and tests can install a fake.
          if (mode === 'frame' && typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
          else setTimeout(flush, mode === 'frame' ? 16 : mode);
        }
      });
    },
    // getSnapshot: the store as it is.
    store.getState,
    // getServerSnapshot: a session of an in-memory registry of its own, never stored, gives the messages,
    // branches, status, error, draft and totals of a chat that never ran (its `session` is not the store's).
    () => {
      if (!empty) {
        const state = store.getState();
        empty = {
          ...state,
          ...createChatSessionRegistry().peek('').store.getState(),
          session: state.session,
        };
      }
      return empty;
    },
  ];
}

const isBusy = (state: ChatStoreState) => state.status === 'submitted' || state.status === 'streaming';
