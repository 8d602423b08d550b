import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatOptions } from './chat-options';
import type { ChatContext, ChatSession } from './chat-session';
import type { ChatSessionState } from './chat-session-state';
import { createId } from './create-id';
import { createChatSessionRegistry, type ChatSessionRegistry, type SessionInit } from './session-registry';
import type { BranchInfo } from './types';
import type { SendInput } from './user-parts';

/** The actions are plain functions that keep their identity for the store's life: pass them around freely. */
export type ChatStoreState = ChatSessionState & {
  readonly model: string;
  /**
   * Sends a user message (text, or `{ content, images, properties }`); with no argument, sends the draft, which
   * is cleared once the route accepts the request and given back (if empty) when the turn ends with no answer.
   * Resolves when the answer (and any tool steps) ended, whatever the outcome (see `status`, `error`).
   * Rejects with a `ChatActionError` only when refused: `busy` while a request runs, `empty-message`.
   */
  send: (input?: SendInput) => Promise<void>;
  /** Aborts the request. The partial answer stays, marked `stopped`; status goes back to `ready`. */
  stop: () => void;
  /** A new answer as a sibling of the answer `messageId`, or to the user message `messageId` (default: the last one shown). */
  regenerate: (messageId?: string) => Promise<void>;
  /** A user message: a new sibling with this text, then its answer. An answer or system message: a new sibling only. */
  edit: (messageId: string, content: string) => Promise<void>;
  /** Resends the request that failed (status `error`). */
  retry: () => Promise<void>;
  /** The result of a client-side tool call; the chat continues once every call of the answer has one. */
  addToolResult: (toolCallId: string, result: unknown) => Promise<void>;
  /** Shows `messageId` among its siblings, or, with `index`, the sibling at that position. */
  selectBranch: (messageId: string, index?: number) => void;
  /** Siblings of any message (also off the selected branch); `branches[id]` has it for the shown ones. */
  getBranches: (messageId: string) => BranchInfo | undefined;
  setModel: (model: string) => void;
  setDraft: (draft: string) => void;
  /** Starts an empty session (the old one stays stored) and returns its id. */
  newSession: (options?: { name?: string }) => string;
  /** Shows another stored session. A request running in the old one is stopped unless another store shows it. */
  switchSession: (id: string) => void;
};

export type ChatStore = StoreApi<ChatStoreState> & {
  readonly registry: ChatSessionRegistry;
  /**
   * Holds the session (counted) and follows its changes until the returned function is called; the last release
   * lets go of it, stopping its request at once unless another store holds it. A binding calls this when it
   * mounts: a store that is created and never retained holds nothing. A store never retained holds its session
   * from its first action or `subscribe` until `destroy()`.
   */
  retain(): () => void;
  /**
   * Lets go of the session (stopping its request if no other store holds it), whatever holds it: the releases of
   * earlier `retain()`s then do nothing. From then on only `retain()` holds it again.
   */
  destroy(): void;
  /**
   * Fills in the estimated cost of the session's answers that have usage but no cost yet, with the latest `price`
   * option: call it when prices arrive after answers ended (the models list loads late). Only those answers are
   * replaced (new objects; every other message keeps its identity); `totals` follow and the session is saved.
   */
  repriceAnswers(): void;
};

/** The session actions that take the calling store's context first. */
type ContextActions = 'send' | 'regenerate' | 'edit' | 'retry' | 'addToolResult' | 'repriceAnswers';
type Rest<Action> = Action extends (context: ChatContext, ...rest: infer Args) => unknown ? Args : never;

/**
 * The chat: a `zustand/vanilla` store, no framework. Options are read through `getOptions` at every use, so a
 * binding can hand in the latest callbacks and settings each render without re-creating the store. Creating a
 * store claims nothing (it shows its session as stored): it can be made during a render that is thrown away.
 */
export function createChatStore(options: ChatOptions | (() => ChatOptions)): ChatStore {
  const getOptions = typeof options === 'function' ? options : () => options;
  const initial = getOptions();
  const registry = initial.registry ?? createChatSessionRegistry(initial);
  /**
   * What this store tells the registry about the sessions it asks for (or lets go of): the name a session gets
   * when it is not stored yet, and that warnings about them go to the store's latest `onWarning` (the registry's
   * without one).
   */
  const init: SessionInit = { name: initial.session?.name, warnings: () => getOptions().onWarning };
  let session: ChatSession;
  let holds = 0;
  /** Set by `retain()` or `destroy()`: actions no longer hold the session themselves. */
  let retained = false;
  /** Counts `destroy()` calls: a release from a `retain()` made before one lets go of nothing. */
  let destroyed = 0;
  let unsubscribe: (() => void) | undefined;
  const context: ChatContext = () => ({ ...getOptions(), model: store.getState().model });

  /** Shows the session's state. */
  const follow = (shown: ChatSessionState) => store.setState(shown);
  /**
   * Shows session `id` (named `name` if it is not stored yet), held if this store holds one, else only read;
   * returns the session shown before.
   */
  const show = (id: string, name = init.name) => {
    const previous = session;
    init.name = name;
    session = holds ? registry.acquire(id, init) : registry.peek(id, init);
    unsubscribe?.();
    unsubscribe = holds ? session.store.subscribe(follow) : undefined;
    follow(session.store.getState());
    return previous;
  };
  const hold = () => {
    if (holds++ === 0) show(session.id);
  };
  const letGo = () => {
    if (--holds > 0) return;
    unsubscribe?.();
    registry.release(session, init);
  };
  /** The session for an action: a store no binding retains holds it from now until `destroy()`. */
  const use = () => {
    if (!holds && !retained) hold();
    return session;
  };
  /** Shows another session (the one held before is let go); returns its id. */
  const moveTo = (id: string, name = getOptions().session?.name) => {
    const previous = show(id, name);
    if (holds) registry.release(previous, init);
    return id;
  };

  /** A session action called with this store's context. */
  const act =
    <Name extends ContextActions>(name: Name) =>
    (...args: Rest<ChatSession[Name]>) =>
      (use()[name] as (context: ChatContext, ...rest: typeof args) => ReturnType<ChatSession[Name]>)(
        context,
        ...args,
      );

  const store = createStore<ChatStoreState>()(
    () =>
      ({
        model: initial.model ?? '',
        send: act('send'),
        stop: () => session.stop(),
        regenerate: act('regenerate'),
        edit: act('edit'),
        retry: act('retry'),
        addToolResult: act('addToolResult'),
        selectBranch: (messageId, index) => use().selectBranch(messageId, index),
        getBranches: (messageId) => session.branches(messageId),
        setModel: (model) => store.setState({ model }),
        setDraft: (draft) => use().setDraft(draft),
        newSession: (sessionOptions) => moveTo(createId(), sessionOptions?.name),
        switchSession(toId) {
          if (toId !== session.id) moveTo(toId);
        },
      }) as ChatStoreState,
  );
  show(initial.session?.id ?? createId());

  const subscribe = store.subscribe;
  return Object.assign(store, {
    registry,
    subscribe(listener: Parameters<typeof subscribe>[0]) {
      use();
      return subscribe(listener);
    },
    retain() {
      retained = true;
      hold();
      // Each release lets go once (`from` then falls behind for good), and only of a hold `destroy()` has not let
      // go of already.
      let from = destroyed;
      return () => void (from-- === destroyed && letGo());
    },
    destroy() {
      retained = true;
      destroyed++;
      if (holds) {
        holds = 1;
        letGo();
      }
    },
    repriceAnswers: act('repriceAnswers'),
  });
}
