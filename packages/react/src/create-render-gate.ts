import {
  createChatSessionRegistry,
  type ChatStore,
  type ChatStoreState,
  throttleMs,
  type Throttle,
} from '@helicone-kit/core';

export type { Throttle };

/**
 * The store as React should follow it. While a request runs, React is told of new states at most once per
 * `throttle` (default 50 ms; `'frame'`: once per animation frame), so a 1,000-chunk answer costs a commit per
 * batch, never more than one per frame; a render shows the store as it then is, so no commit mixes two states.
 * The start of a request (the user's message), its end (answer settled, error, stop), and what the user changes
 * (draft, model, session) are told at once, and show anything told late with them, so the final flush is never
 * lost, even in a background tab where frames do not run; a composer's caret never jumps. The three arguments of
 * `useSyncExternalStore`, in its order.
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
      let toldAt = 0;
      const tell = () => {
        waiting = false;
        toldAt = Date.now();
        listener();
      };
      return store.subscribe((state, previous) => {
        const mode = options().throttle;
        if (
          mode === false ||
          !isBusy(state) ||
          !isBusy(previous) ||
          state.session !== previous.session ||
          state.draft !== previous.draft ||
          state.model !== previous.model
        ) {
          tell();
        } else if (!waiting) {
          // Looked up at each call: no browser API is touched at import, and tests can install a fake.
          if (mode === 'frame' && typeof requestAnimationFrame === 'function') {
            waiting = true;
            requestAnimationFrame(tell);
            return;
          }
          // A batch that comes a throttle's time after the last commit (the transport batches at the same
          // pace) is told at once; one that comes sooner waits for the rest of that time. Never under a frame.
          const wait = toldAt + Math.max(throttleMs(mode), 16) - Date.now();
          if (wait <= 0) return tell();
          waiting = true;
          setTimeout(tell, wait);
        }
      });
    },
    // getSnapshot: the store as it is.
    store.getState,
    // getServerSnapshot: a session of an in-memory registry of its own, never stored, gives the messages,
    // branches, status, error, draft and totals of a chat that never ran (its `session` is not the store's).
    () =>
      (empty ??= {
        ...store.getState(),
        ...createChatSessionRegistry().peek('').store.getState(),
        session: store.getState().session,
      }),
  ];
}

const isBusy = (state: ChatStoreState) => state.status === 'submitted' || state.status === 'streaming';
