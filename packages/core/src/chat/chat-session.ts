import { createStore, type StoreApi } from 'zustand/vanilla';
import { ChatActionError, type ChatActionErrorReason } from '../errors/chat-action-error';
import type { GatewayError } from '../errors/gateway-error';
import type { Usage } from '../openai/types';
import type { HeliconeResponseInfo } from '../response/read-helicone-response';
import { addChunkChoices, type MutableChoice } from '../stream/add-chunk-choices';
import type { ChatTransportEvent } from '../transport/chat-transport';
import { describeError, toChatUsage, toError, withCost } from './answer-metadata';
import { applyChoice } from './apply-choice';
import { buildChatRequest } from './build-chat-request';
import type { ChatOptions, ChatToolCall, ChatTurn } from './chat-options';
import type { ChatSessionInfo, ChatSessionState } from './chat-session-state';
import { createId } from './create-id';
import { mergeTrees } from './merge-trees';
import {
  addMessage,
  branchesOf,
  parentKey,
  selectedPath,
  selectPathTo,
  type MessageTree,
} from './message-tree';
import { computeTotals } from './totals';
import { hasResult } from './tool-output';
import type {
  AssistantMessage,
  BranchInfo,
  ChatMessage,
  ChatMessagePart,
  TextPart,
  ToolCallPart,
} from './types';
import { userParts, type SendInput } from './user-parts';

/** What a session needs from the store that calls it: its latest options, with its model, read at each use. */
export type ChatContext = () => ChatOptions & { model: string };

/** A session as it was stored (or new). */
export type LoadedSession = {
  name?: string | undefined;
  createdAt: number;
  tree: MessageTree;
  draft: string;
};

/** Where a session saves itself. */
export type SessionStorage = {
  /**
   * Saves the session after merging into `tree` what another tab stored meanwhile (trees only grow, so nothing
   * either tab added is overwritten).
   */
  save(id: string, name: string | undefined, createdAt: number, tree: MessageTree): void;
  saveDraft(id: string, draft: string): void;
};

/**
 * One conversation, shared by every store that shows it. Each action takes the context of the store that called
 * it: a request reads that store's options and model.
 */
export type ChatSession = {
  readonly id: string;
  readonly store: StoreApi<ChatSessionState>;
  send(context: ChatContext, input?: SendInput): Promise<void>;
  stop(): void;
  regenerate(context: ChatContext, messageId?: string): Promise<void>;
  edit(context: ChatContext, messageId: string, content: string): Promise<void>;
  retry(context: ChatContext): Promise<void>;
  addToolResult(context: ChatContext, toolCallId: string, result: unknown): Promise<void>;
  /** Shows `messageId` among its siblings, or, with `index`, the sibling at that position. */
  selectBranch(messageId: string, index?: number): void;
  branches(messageId: string): BranchInfo | undefined;
  setDraft(draft: string): void;
  setName(name: string): void;
  /** Fills the estimated cost of answers that have usage but no cost, from the context's `price` option. */
  repriceAnswers(context: ChatContext): void;
  /**
   * Takes in the session another tab stored (a `storage` event): its messages are merged in (none is lost on
   * either side) and, while nothing runs here, its branch selection is followed too. While a request or tools
   * run, the save that ends them merges what is stored then.
   */
  takeStored(stored: { name?: string | undefined; tree: MessageTree }): void;
};

/** A message to add: everything but the id and time it gets. */
type NewMessage = ChatMessage extends infer Message
  ? Message extends ChatMessage
    ? Omit<Message, 'id' | 'createdAt'>
    : never
  : never;

/** Refuses `action`, saying why in one sentence. */
const refuse = (action: string, reason: ChatActionErrorReason, why: string): never => {
  throw new ChatActionError(action, reason, why);
};
/** `what`: the message asked for, as the refusal names it. */
const noMessage = (action: string, what: string | undefined) =>
  refuse(action, 'unknown-message', `no message ${what}`);

/** The state of a session whose last request did not fail (or that has none yet). */
const noError = { error: undefined, retryAt: undefined };

/** Where the message that ends `path` stands: its turn (user messages so far) and the tool steps taken since. */
function turnAt(path: readonly ChatMessage[]) {
  let index = 0;
  let step = 0;
  for (const { role } of path) {
    if (role === 'user') {
      index++;
      step = 0;
    } else if (role === 'assistant') step++;
  }
  return { index, step };
}

export function createChatSession(
  id: string,
  loaded: LoadedSession,
  persistence: SessionStorage,
): ChatSession {
  const { tree, createdAt } = loaded;
  const { nodes, selected } = tree;
  /** What `stop()` does while a request or client-side tools run (busy); `undefined` when idle. */
  let active: (() => void) | undefined;
  /** The message the request that failed answered, for `retry()`. */
  let failed: string | undefined;
  /**
   * The user message `send()` made of the draft (its text is the draft), until its turn has an answer. The draft
   * is cleared when the route accepts the request (its first event) and given back when the turn ends with no
   * answer, so nothing typed is lost and nothing shows twice.
   */
  let sentDraft: string | undefined;

  // Every key, so a store that shows this state after another session's replaces all of it. `messages`,
  // `branches` and `totals` come with the first `refresh()`, just below.
  const store = createStore<ChatSessionState>()(
    () =>
      ({
        ...noError,
        session: { id, name: loaded.name, path: undefined },
        status: 'ready',
        draft: loaded.draft,
      }) as ChatSessionState,
  );
  const state = store.getState;
  const setState = store.setState;

  /** After a change of structure (a new message, another branch): the path, branches and totals are rebuilt. */
  const refresh = (extra?: Partial<ChatSessionState>) =>
    setState({ ...selectedPath(tree), totals: computeTotals(nodes.values()), ...extra });
  refresh();

  /** Saves (taking in what another tab stored meanwhile), then refreshes with `extra`. */
  const persist = (extra?: Partial<ChatSessionState>) => {
    persistence.save(id, state().session.name, createdAt, tree);
    refresh(extra);
  };

  /** The session with `changes` (a name, a path): the object shown while neither changes. */
  const sessionWith = (changes: Partial<ChatSessionInfo>): ChatSessionInfo => {
    const { session } = state();
    const next = { ...session, ...changes };
    return next.name === session.name && next.path === session.path ? session : next;
  };

  /** Puts a new version of a message in the tree and, if it is shown, in `messages` (one array copy). */
  const replace = (message: ChatMessage) => {
    nodes.set(message.id, message);
    setState({ messages: state().messages.map((shown) => (shown.id === message.id ? message : shown)) });
  };

  /**
   * Adds a message (new id and time) and shows the path to it; refused when it has no parts. Returns its id.
   */
  const addShown = (action: string, fields: NewMessage) => {
    const message = { ...fields, id: createId(), createdAt: Date.now() } as ChatMessage;
    if (!message.parts.length) refuse(action, 'empty-message', 'the message would be empty');
    addMessage(tree, message);
    selectPathTo(tree, message.id);
    persist();
    return message.id;
  };

  /** A request (or client tools) running in this session refuses another action. */
  const refuseIfBusy = (action: string) =>
    active && refuse(action, 'busy', 'stop() the running request or wait');

  /** Calls `onFinish` with the answer that ended and how. */
  const finish = (
    context: ChatContext,
    message: AssistantMessage | undefined,
    error?: Error,
    stopped = false,
    toolStepsExhausted = false,
  ) => context().onFinish?.({ message, messages: state().messages, stopped, error, toolStepsExhausted });

  /** Asks for an answer to `parentId` and streams it in. */
  async function run(context: ChatContext, parentId: string, kind: ChatTurn['kind']) {
    const options = context();
    const controller = new AbortController();
    const { signal } = controller;
    /** The live choices, folded from the chunks in place, each with the id of its answer, in creation order. */
    const choices = new Map<number, MutableChoice & { messageId?: string }>();
    const startedAt = Date.now();
    const draft = sentDraft === parentId ? (nodes.get(parentId)!.parts[0] as TextPart).text : undefined;
    let usage: Usage | undefined;
    let model: string | undefined;
    let response: HeliconeResponseInfo | undefined;
    let firstTokenAt: number | undefined;
    let answers = 0;
    let events: AsyncIterator<ChatTransportEvent> | undefined;
    let error: Error | undefined;

    // The message answered may be off the shown branch (regenerate, edit or retry of an older branch): the
    // path to it is shown, so the new answer is seen. Its old answers (regenerate, retry) stay; the new one is
    // selected when it arrives.
    const history = selectPathTo(tree, parentId);

    /** Folds a choice into its answer, which is created (a new sibling under the parent) on its first chunk. */
    const take = (live: MutableChoice & { messageId?: string }, settled: boolean) => {
      const known = live.messageId;
      const previous = known
        ? (nodes.get(known) as AssistantMessage)
        : ({
            id: createId(),
            parentId,
            role: 'assistant',
            createdAt: Date.now(),
            parts: [],
            state: 'streaming',
            // The transport's `response` event comes first: what it says is known from the first chunk on.
            metadata: {
              requestedModel: options.model,
              requestId: response?.requestId,
              provider: response?.provider,
              cacheHit: response?.cache && response.cache.status === 'HIT',
              choiceIndex: (options.n ?? 0) > 1 ? live.index : undefined,
            },
          } as const);
      const next = applyChoice(previous, live, settled);
      if (settled || next.parts.length) firstTokenAt ??= Date.now();
      if (known) return next !== previous && replace(next);
      live.messageId = next.id;
      // The first choice to arrive is shown; choice 0 takes over if it comes later.
      addMessage(tree, next, !answers++ || live.index === 0);
      refresh();
    };

    /** Ends the request: settles its answers, sets status, persists. Returns the answer shown. */
    const end = (stopped?: true) => {
      const now = Date.now();
      let shown: AssistantMessage | undefined;
      for (const live of choices.values()) {
        const previous = nodes.get(live.messageId!) as AssistantMessage;
        const message: AssistantMessage = {
          ...(stopped ? previous : applyChoice(previous, live, true)),
          state: 'done',
          metadata: withCost(
            {
              ...previous.metadata,
              model: response?.model ?? model,
              // One request, one usage: it sits on the first answer.
              usage: !shown && usage ? toChatUsage(usage) : undefined,
              timeToFirstTokenMs: firstTokenAt && firstTokenAt - startedAt,
              durationMs: now - startedAt,
              finishReason: live.finishReason || undefined,
              error: error && describeError(error),
              stopped,
            },
            context(),
          ),
        };
        nodes.set(message.id, message);
        if (!shown || selected.get(parentId) === message.id) shown = message;
      }
      active = undefined;
      failed = error && parentId;
      if (draft && (shown || !(error || stopped))) sentDraft = undefined;
      else if (draft && !state().draft) setDraft(draft);
      // A 429 (a `GatewayError`) may say when to retry.
      const retryAfter = (error as GatewayError | undefined)?.retryAfterMs;
      persist({
        status: error ? 'error' : 'ready',
        error,
        retryAt: retryAfter! >= 0 ? now + retryAfter! : undefined,
      });
      return shown;
    };

    active = () => {
      controller.abort();
      finish(context, end(true), undefined, true);
    };
    try {
      const request = buildChatRequest(
        options,
        // The chat's `session.name` option is read at each turn: a name changed after mount is sent and stored.
        options.session?.name ?? state().session.name,
        { sessionId: id, ...turnAt(history), kind },
        history,
        signal,
      );
      refresh({ ...noError, status: 'submitted', session: sessionWith(request.helicone.session) });
      events = options.transport.send(request)[Symbol.asyncIterator]();
      // `stop()` must end the turn even with a transport that ignores its signal: each wait races the abort
      // (then the loop reads `signal.aborted`, whatever the race gave).
      const aborted = new Promise<never>((resolve) => (signal.onabort = resolve as () => void));
      for (let next; !(next = await Promise.race([events.next(), aborted])).done && !signal.aborted;) {
        const event = next.value;
        if (state().status !== 'streaming') {
          // The route accepted the request (its first event): the answer is on its way.
          if (draft === state().draft) setDraft('');
          setState({ status: 'streaming' });
        }
        if (event.type === 'response') {
          response = event.response;
          continue;
        }
        // A non-streamed completion is folded like one chunk whose deltas are the whole messages.
        const settled = event.type === 'completion';
        const chunks =
          event.type === 'chunks' ? event.chunks : [event.type === 'chunk' ? event.chunk : event.completion];
        for (const chunk of chunks) {
          usage = chunk.usage ?? usage;
          model = chunk.model || model;
          addChunkChoices(choices, chunk);
        }
        // A batch is folded whole, then each answer changes once (one its chunks did not touch stays the same).
        for (const live of choices.values()) take(live, settled);
      }
    } catch (caught) {
      error = toError(caught);
    }
    // Stopped: `stop()` settled the answer already; the transport is told to let go.
    if (signal.aborted) return void events?.return?.().catch(() => {});
    const shown = end();
    if (error) context().onError?.(error);
    if (error || !shown) return finish(context, shown, error);
    await afterAnswer(context, shown);
  }

  /**
   * Runs the client-side tools of a finished answer, then sends the results back once every call of the answer
   * has one, within `maxToolSteps`. Without `onToolCall` (or when it returns nothing), `addToolResult` comes later.
   */
  async function afterAnswer(context: ChatContext, message: AssistantMessage, answerEnded = true) {
    const { onToolCall, maxToolSteps = 5 } = context();
    // An answer that just ended has all its calls waiting for a result (`input-available`).
    const calls = message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
    // `stop()` while the tools run keeps their results, but the chat does not continue.
    let stopped = false;
    if (answerEnded && calls.length && onToolCall) {
      active = () => (stopped = true);
      setState({ status: 'submitted' });
      // Each call settles on its own (a throw is its error result), so this never rejects.
      await Promise.all(
        calls.map(async ({ type: _type, state: _state, ...toolCall }) => {
          try {
            const output = await onToolCall({ toolCall: toolCall as ChatToolCall, message });
            if (output !== undefined)
              setToolResult(toolCall.toolCallId, { state: 'output-available', output });
          } catch (caught) {
            setToolResult(toolCall.toolCallId, { state: 'output-error', errorText: toError(caught).message });
          }
        }),
      );
      active = undefined;
      persist({ status: 'ready' });
    }
    const answered = nodes.get(message.id) as AssistantMessage;
    const ready =
      !stopped &&
      calls.length > 0 &&
      answered.parts.every((part) => part.type !== 'tool-call' || hasResult(part)) &&
      state().messages.at(-1)?.id === message.id;
    // Ready means the answer ends the shown path: its turn is read from there.
    const exhausted = ready && turnAt(state().messages).step > maxToolSteps;
    if (answerEnded) finish(context, answered, undefined, stopped, exhausted);
    if (ready && !exhausted) await run(context, message.id, 'tool-step');
  }

  /** Sets a tool call's result, in the answer holding it: a shown one first (ids are unique per request only). */
  function setToolResult(toolCallId: string, result: Partial<ToolCallPart>) {
    const isCall = (part: ChatMessagePart) => part.type === 'tool-call' && part.toolCallId === toolCallId;
    const message =
      [...nodes.values(), ...state().messages].findLast((candidate) => candidate.parts.some(isCall)) ??
      refuse('addToolResult', 'unknown-tool-call', `no tool call ${toolCallId}`);
    replace({
      ...message,
      parts: message.parts.map((part) => (isCall(part) ? ({ ...part, ...result } as ToolCallPart) : part)),
    });
    return message as AssistantMessage;
  }

  function setDraft(draft: string) {
    setState({ draft });
    persistence.saveDraft(id, draft);
  }

  return {
    id,
    store,
    branches: (messageId) => branchesOf(tree, messageId),
    setDraft,
    setName(name) {
      setState({ session: sessionWith({ name }) });
      persist();
    },

    async send(context, input) {
      refuseIfBusy('send');
      const { draft, messages } = state();
      const message: Exclude<SendInput, string> =
        typeof input === 'string' ? { content: input } : (input ?? { content: draft });
      const messageId = addShown('send', {
        parentId: messages.at(-1)?.id ?? null,
        role: 'user',
        parts: userParts(message),
        properties: message.properties,
      });
      sentDraft = input === undefined ? messageId : undefined;
      await run(context, messageId, 'send');
    },

    stop: () => active?.(),

    async regenerate(context, messageId) {
      refuseIfBusy('regenerate');
      const target = messageId === undefined ? state().messages.at(-1) : nodes.get(messageId);
      const parentId = target?.role === 'assistant' ? target.parentId : target?.id;
      if (!parentId) return noMessage('regenerate', messageId ?? 'to answer');
      await run(context, parentId, 'regenerate');
    },

    async edit(context, messageId, content) {
      refuseIfBusy('edit');
      const original = nodes.get(messageId) ?? noMessage('edit', messageId);
      // A sibling with the new text and the same images or tool calls. An answer's (settled: nothing streams
      // while the session is not busy) is written by hand: no reasoning, no usage.
      const copyId = addShown('edit', {
        ...original,
        parts: [
          ...userParts({ content }),
          ...original.parts.filter((part) => part.type !== 'text' && part.type !== 'reasoning'),
        ],
        ...(original.role === 'assistant' && {
          metadata: {
            requestedModel: original.metadata.requestedModel,
            model: original.metadata.model,
            edited: true,
          },
        }),
      });
      if (original.role === 'user') await run(context, copyId, 'edit');
    },

    async retry(context) {
      refuseIfBusy('retry');
      // Set with the `error` status, and cleared when the next request ends.
      if (!failed) return refuse('retry', 'nothing-to-retry', 'no failed request');
      await run(context, failed, 'retry');
    },

    async addToolResult(context, toolCallId, output) {
      const message = setToolResult(toolCallId, { state: 'output-available', output });
      persist();
      if (!active) await afterAnswer(context, message, false);
    },

    selectBranch(messageId, index) {
      const message = nodes.get(
        (index === undefined ? messageId : branchesOf(tree, messageId)?.ids[index]) as string,
      );
      if (!message)
        return noMessage(
          'selectBranch',
          index === undefined ? messageId : `${messageId} with a branch ${index}`,
        );
      selected.set(parentKey(message), message.id);
      persist();
    },

    repriceAnswers(context) {
      let changed = false;
      for (const message of nodes.values()) {
        const metadata = message.role === 'assistant' && withCost(message.metadata, context());
        if (metadata && metadata !== message.metadata) {
          nodes.set(message.id, { ...message, metadata });
          changed = true;
        }
      }
      if (changed) persist();
    },

    takeStored({ name = state().session.name, tree: stored }) {
      const session = sessionWith({ name });
      // While a request or tools run, the save that ends them merges the stored tree (adopting no selection).
      if (active) return setState({ session });
      mergeTrees(tree, stored, true);
      refresh({ session });
    },
  };
}
