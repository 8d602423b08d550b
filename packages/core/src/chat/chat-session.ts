import { createStore, type StoreApi } from 'zustand/vanilla';
import { estimateCost } from '../cost/estimate-cost';
import { ChatActionError } from '../errors/chat-action-error';
import { GatewayError } from '../errors/gateway-error';
import type { Usage } from '../openai/types';
import type { HeliconeResponseInfo } from '../response/read-helicone-response';
import { addChunkChoices, type MutableChoice } from '../stream/add-chunk-choices';
import type { ChatTransportEvent } from '../transport/chat-transport';
import { describeError, toChatUsage, toError } from './answer-metadata';
import { applyChoice, type ChoiceContent } from './apply-choice';
import { buildChatRequest } from './build-chat-request';
import type { ChatOptions, ChatTurn } from './chat-options';
import type { ChatSessionState } from './chat-session-state';
import { createId } from './create-id';
import { mergeTrees } from './merge-trees';
import {
  addMessage,
  branchesOf,
  pathTo,
  replaceMessage,
  selectBranch,
  selectedPath,
  selectPathTo,
  type MessageTree,
} from './message-tree';
import type { LoadedSession, SessionPersistence } from './session-persistence';
import { computeTotals } from './totals';
import { holdsToolCall, withToolResult, type ToolResult } from './tool-output';
import { answersSinceUser, userTurnIndex } from './turn-position';
import type {
  AssistantMessage,
  AssistantMetadata,
  BranchInfo,
  ChatMessage,
  ImagePart,
  ToolCallPart,
  UserMessage,
} from './types';
import { userParts, type SendInput } from './user-parts';

/** What a session needs from the store that calls it: the latest options and model, read at each use. */
export type ChatContext = {
  options(): ChatOptions;
  model(): string;
};

/** Where a request attaches its answer, and why it is made. */
type RequestSpec = { parentId: string; kind: ChatTurn['kind']; step: number };

type ActiveRequest = {
  readonly spec: RequestSpec;
  readonly controller: AbortController;
  /** Message id per choice index, in creation order. */
  readonly messageIds: Map<number, string>;
  readonly requestedModel: string;
  /** `n`: with more than one choice, each answer records its `choiceIndex`. */
  readonly choiceCount: number;
  readonly startedAt: number;
  readonly context: ChatContext;
  /** Choices as they stand, folded from the chunks (or from a non-streamed completion) in place. */
  readonly choices: Map<number, MutableChoice>;
  usage?: Usage;
  /** The model the chunks name. */
  model?: string;
  /** What the parent's selection was before this request hid the old answers (regenerate, retry). */
  readonly previousSelection: string | undefined;
  response?: HeliconeResponseInfo;
  firstTokenAt?: number;
  /** Set by `stop()`: later events are ignored. */
  detached?: boolean;
};

const defaultMaxToolSteps = 5;
/** A selection that shows none of a parent's children (while a new answer is on its way). */
const noChild = '\u0000';

export type ChatSession = {
  readonly id: string;
  readonly store: StoreApi<ChatSessionState>;
  send(input: SendInput | undefined, context: ChatContext): Promise<void>;
  stop(): void;
  regenerate(messageId: string | undefined, context: ChatContext): Promise<void>;
  edit(messageId: string, content: string, context: ChatContext): Promise<void>;
  retry(context: ChatContext): Promise<void>;
  addToolResult(toolCallId: string, result: unknown, context: ChatContext): Promise<void>;
  selectBranch(messageId: string): void;
  branches(messageId: string): BranchInfo | undefined;
  setDraft(draft: string): void;
  setName(name: string): void;
  /**
   * Takes in the stored session written by another tab (a `storage` event): its messages are merged in (none is
   * lost on either side) and, while nothing runs here, its branch selection is followed too. While a request
   * runs, the tree is merged when it ends.
   */
  applyExternal(loaded: LoadedSession | { draft: string }): void;
  /** The message with this id, on any branch. */
  getMessage(messageId: string): ChatMessage | undefined;
  /** True while a request or client-side tools run. */
  isBusy(): boolean;
};

export function createChatSession(
  id: string,
  loaded: LoadedSession & { name?: string },
  persistence: SessionPersistence,
): ChatSession {
  const tree: MessageTree = loaded.tree;
  let name = loaded.name;
  const createdAt = loaded.createdAt;
  let active: ActiveRequest | undefined;
  /** Client-side tools being run between two requests. */
  let runningTools = 0;
  let lastFailed: RequestSpec | undefined;
  /** `stop()` while client tools run: their results are kept, but the chat does not continue. */
  let continuationCancelled = false;
  /**
   * The text `send()` took from the draft, until its turn has an answer. The draft is cleared when the route
   * accepts the request (its first event) and given back when the turn ends with no answer, so nothing typed is
   * lost and nothing shows twice.
   */
  let sentDraft: { messageId: string; text: string } | undefined;
  /** Another tab's tree that arrived while a request ran here: merged once it ends. */
  let skippedExternal: MessageTree | undefined;

  const branchMap = (messages: readonly ChatMessage[]) => {
    const branches: Record<string, BranchInfo> = {};
    for (const message of messages) branches[message.id] = branchesOf(tree, message.id)!;
    return branches;
  };

  const store = createStore<ChatSessionState>()(() => {
    const messages = selectedPath(tree);
    return {
      id,
      name,
      path: undefined,
      messages,
      branches: branchMap(messages),
      status: 'ready',
      error: undefined,
      retryAt: undefined,
      draft: loaded.draft,
      totals: computeTotals(tree.nodes.values()),
    };
  });

  /** After a change of structure (a new message, another branch): the path and branches are rebuilt. */
  const structureChanged = (extra: Partial<ChatSessionState> = {}) => {
    const messages = selectedPath(tree);
    store.setState({ messages, branches: branchMap(messages), ...extra });
  };
  /**
   * Saves the tree after taking in what another tab stored meanwhile: trees only grow, so the stored one is
   * merged in first and nothing either tab added is overwritten.
   */
  const persist = () => {
    const stored = persistence.storedTree(id);
    if (stored && mergeTrees(tree, stored)) takeMerged();
    persistence.save(id, { name, createdAt, tree });
  };
  const takeMerged = () => structureChanged({ totals: computeTotals(tree.nodes.values()) });

  /** Puts a new version of a message in the tree and, if it is shown, in `messages` (one array copy). */
  const updateMessage = (message: ChatMessage, extra?: Partial<ChatSessionState>) => {
    replaceMessage(tree, message);
    const messages = store.getState().messages.slice();
    const index = messages.findLastIndex((shown) => shown.id === message.id);
    if (index >= 0) messages[index] = message;
    if (index >= 0) store.setState({ messages, ...extra });
    else if (extra) store.setState(extra);
  };

  const isBusy = () => active !== undefined || runningTools > 0;
  const refuseIfBusy = (action: string) => {
    if (isBusy()) {
      throw new ChatActionError(
        action,
        'busy',
        'a request is still running; call stop() first or wait for it.',
      );
    }
  };

  const tipId = () => store.getState().messages.at(-1)?.id;

  const metadataBase = (request: ActiveRequest, choiceIndex: number): AssistantMetadata => {
    const response = request.response;
    const cache = response?.cache?.status;
    return {
      requestedModel: request.requestedModel,
      requestId: response?.requestId,
      provider: response?.provider,
      cacheHit: cache && cache === 'HIT',
      choiceIndex: request.choiceCount > 1 ? choiceIndex : undefined,
    };
  };

  /** The message for a choice, created (as a new sibling under the request's parent) on its first chunk. */
  const messageFor = (request: ActiveRequest, choiceIndex: number): AssistantMessage => {
    const existing = request.messageIds.get(choiceIndex);
    if (existing !== undefined) return tree.nodes.get(existing) as AssistantMessage;
    const message: AssistantMessage = {
      id: createId(),
      parentId: request.spec.parentId,
      role: 'assistant',
      createdAt: Date.now(),
      parts: [],
      state: 'streaming',
      metadata: metadataBase(request, choiceIndex),
    };
    // The first choice to arrive is shown; choice 0 takes over if it comes later.
    addMessage(tree, message, request.messageIds.size === 0 || choiceIndex === 0);
    request.messageIds.set(choiceIndex, message.id);
    structureChanged();
    return message;
  };

  const applyToChoice = (
    request: ActiveRequest,
    choiceIndex: number,
    choice: ChoiceContent,
    settled: boolean,
  ) => {
    const previous = messageFor(request, choiceIndex);
    const next = applyChoice(previous, choice, settled);
    const streaming = store.getState().status === 'streaming' ? undefined : { status: 'streaming' as const };
    if (next !== previous || streaming) updateMessage(next, streaming);
  };

  /** Ends a request: settles its answers, sets status, persists, and calls back. Returns the shown answer. */
  function settle(
    request: ActiveRequest,
    outcome: { error?: Error; stopped?: boolean },
    context: ChatContext,
  ) {
    const options = context.options();
    const now = Date.now();
    const usage = request.usage;
    let shown: AssistantMessage | undefined;
    let first = true;
    for (const [choiceIndex, messageId] of request.messageIds) {
      const previous = tree.nodes.get(messageId) as AssistantMessage;
      const live = request.choices.get(choiceIndex);
      const settledMessage = live && !outcome.stopped ? applyChoice(previous, live, true) : previous;
      const model = request.response?.model ?? request.model;
      const ownUsage = first ? usage : undefined;
      const price =
        ownUsage &&
        options.price?.({
          requestedModel: request.requestedModel,
          model,
          provider: request.response?.provider,
        });
      const cost = estimateCost({ usage: ownUsage, price });
      const metadata: AssistantMetadata = {
        ...metadataBase(request, choiceIndex),
        model,
        usage: ownUsage && toChatUsage(ownUsage),
        cost: cost === undefined ? undefined : { usd: cost, estimated: true },
        timeToFirstTokenMs: request.firstTokenAt && request.firstTokenAt - request.startedAt,
        durationMs: now - request.startedAt,
        finishReason: live?.finishReason ?? undefined,
        error: outcome.error && describeError(outcome.error),
        stopped: outcome.stopped,
      };
      const message: AssistantMessage = { ...settledMessage, state: 'done', metadata };
      replaceMessage(tree, message);
      if (tree.selected.get(request.spec.parentId) === messageId || (!shown && first)) shown = message;
      first = false;
    }
    if (request.messageIds.size === 0 && tree.selected.get(request.spec.parentId) === noChild) {
      if (request.previousSelection === undefined) tree.selected.delete(request.spec.parentId);
      else tree.selected.set(request.spec.parentId, request.previousSelection);
    }
    active = undefined;
    if (skippedExternal && !isBusy()) {
      mergeTrees(tree, skippedExternal);
      skippedExternal = undefined;
    }
    const error = outcome.error;
    lastFailed = error ? request.spec : undefined;
    const sent = draftOf(request.spec);
    if (sent && request.messageIds.size === 0 && (error || outcome.stopped)) {
      if (store.getState().draft === '') setDraft(sent.text);
    } else if (sent) sentDraft = undefined;
    const retryAfter = GatewayError.isInstance(error) ? error.retryAfterMs : undefined;
    structureChanged({
      status: error ? 'error' : 'ready',
      error,
      retryAt: retryAfter === undefined ? undefined : now + retryAfter,
      totals: computeTotals(tree.nodes.values()),
    });
    persist();
    return shown;
  }

  /** Calls `onFinish` with the answer that ended and how. */
  function finish(
    context: ChatContext,
    message: AssistantMessage | undefined,
    outcome: { error?: Error; stopped?: boolean },
    toolStepsExhausted = false,
  ) {
    context.options().onFinish?.({
      message,
      messages: store.getState().messages,
      stopped: outcome.stopped ?? false,
      error: outcome.error,
      toolStepsExhausted,
    });
  }

  async function run(spec: RequestSpec, context: ChatContext): Promise<void> {
    const controller = new AbortController();
    const parentKey = spec.parentId;
    // The message answered may be off the shown branch (regenerate, edit or retry of an older branch): the
    // path to it is shown, so the new answer is seen and the request is the one the user looks at.
    selectPathTo(tree, spec.parentId);
    const previousSelection = tree.selected.get(parentKey);
    // Old answers to the same parent (regenerate, retry) are hidden until the new one arrives; none is removed.
    if ((tree.children.get(parentKey)?.length ?? 0) > 0) tree.selected.set(parentKey, noChild);
    const turn: ChatTurn = {
      sessionId: id,
      index: userTurnIndex(pathTo(tree, spec.parentId)),
      step: spec.step,
      kind: spec.kind,
    };
    const request: ActiveRequest = {
      spec,
      controller,
      messageIds: new Map(),
      requestedModel: context.model(),
      choiceCount: context.options().n ?? 1,
      startedAt: Date.now(),
      context,
      choices: new Map(),
      previousSelection,
    };
    active = request;
    // The chat's `session.name` option is read at each turn: a name changed after mount is sent and stored.
    const optionName = context.options().session?.name;
    if (optionName !== undefined && optionName !== name) setName(optionName);
    let outcome: { error?: Error } = {};
    let events: AsyncIterator<ChatTransportEvent> | undefined;
    let accepted = false;
    try {
      const { request: transportRequest, path } = buildChatRequest({
        options: context.options(),
        model: request.requestedModel,
        session: { id, name },
        turn,
        history: pathTo(tree, spec.parentId),
        signal: controller.signal,
      });
      structureChanged({ status: 'submitted', error: undefined, retryAt: undefined, path });
      events = context.options().transport.send(transportRequest)[Symbol.asyncIterator]();
      // `stop()` must end the turn even with a transport that ignores its signal: each wait races the abort.
      // Only `stop()` aborts, after detaching the request: the rejection just ends the wait.
      const aborted = new Promise<never>((_resolve, reject) =>
        controller.signal.addEventListener('abort', reject, { once: true }),
      );
      aborted.catch(() => {});
      for (;;) {
        const next = await Promise.race([events.next(), aborted]);
        if (next.done || request.detached) break;
        const event = next.value;
        if (!accepted) {
          accepted = true;
          const sent = draftOf(spec);
          if (sent && store.getState().draft === sent.text) setDraft('');
        }
        if (event.type === 'response') {
          request.response = event.response;
        } else {
          // A non-streamed completion is folded like one chunk whose deltas are the whole messages.
          const settled = event.type === 'completion';
          const chunk = settled
            ? {
                ...event.completion,
                choices: event.completion.choices.map((choice) => ({ ...choice, delta: choice.message })),
              }
            : event.chunk;
          if (chunk.usage) request.usage = chunk.usage;
          if (typeof chunk.model === 'string' && chunk.model !== '') request.model = chunk.model;
          for (const live of addChunkChoices(request.choices, chunk)) {
            if (request.firstTokenAt === undefined && (settled || hasToken(live)))
              request.firstTokenAt = Date.now();
            applyToChoice(request, live.index, live, settled);
          }
        }
      }
    } catch (error) {
      outcome = { error: toError(error) };
    }
    if (request.detached) {
      void Promise.resolve(events?.return?.()).catch(() => {});
      return;
    }
    const shown = settle(request, outcome, context);
    if (outcome.error) context.options().onError?.(outcome.error);
    if (outcome.error || !shown) return finish(context, shown, outcome);
    await afterAnswer(shown, context);
  }

  /** Runs client-side tools of a finished answer, then continues the chat once every call has a result. */
  async function afterAnswer(message: AssistantMessage, context: ChatContext): Promise<void> {
    const calls = message.parts.filter(
      (part): part is ToolCallPart => part.type === 'tool-call' && part.state === 'input-available',
    );
    const onToolCall = context.options().onToolCall;
    if (calls.length > 0 && onToolCall) {
      runningTools += 1;
      store.setState({ status: 'submitted' });
      try {
        await Promise.all(
          calls.map(async (call) => {
            try {
              const result = await onToolCall({
                toolCall: {
                  toolCallId: call.toolCallId,
                  toolName: call.toolName,
                  input: call.input,
                  arguments: call.arguments,
                },
                message,
              });
              if (result !== undefined) setToolOutput(call.toolCallId, { output: result });
            } catch (error) {
              setToolOutput(call.toolCallId, { errorText: toError(error).message });
            }
          }),
        );
      } finally {
        runningTools -= 1;
      }
      store.setState({ status: 'ready' });
      persist();
    }
    await continueAfterTools(message.id, context, true);
  }

  /** Sends the tool results back when every call of the answer has one, within `maxToolSteps`. */
  async function continueAfterTools(
    messageId: string,
    context: ChatContext,
    answerEnded: boolean,
  ): Promise<void> {
    const message = tree.nodes.get(messageId);
    if (!message || message.role !== 'assistant') return;
    const calls = message.parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
    const answered = calls.every(
      (call) => call.state === 'output-available' || call.state === 'output-error',
    );
    const stopped = continuationCancelled;
    continuationCancelled = false;
    const ready = !stopped && calls.length > 0 && answered && tipId() === messageId && !isBusy();
    const step = answersSinceUser(pathTo(tree, messageId));
    const exhausted = ready && step > (context.options().maxToolSteps ?? defaultMaxToolSteps);
    if (answerEnded) finish(context, message, { stopped }, exhausted);
    if (ready && !exhausted) await run({ parentId: messageId, kind: 'tool-step', step }, context);
  }

  /** The answer holding a tool call: on the shown branch first (ids are unique per request only). */
  const findToolCall = (toolCallId: string) =>
    store.getState().messages.findLast(holdsToolCall(toolCallId)) ??
    [...tree.nodes.values()].findLast(holdsToolCall(toolCallId));

  function setToolOutput(toolCallId: string, result: ToolResult) {
    const message = findToolCall(toolCallId);
    if (message) updateMessage(withToolResult(message, toolCallId, result));
  }

  /** Adds a user message (its text and images) under `parentId`; refused when it would be empty. */
  function addUserMessage(action: string, parentId: string | null, input: Exclude<SendInput, string>) {
    const parts = userParts(input);
    if (parts.length === 0) {
      throw new ChatActionError(action, 'empty-message', 'the message has no text and no image.');
    }
    const { properties } = input;
    const message: UserMessage = {
      id: createId(),
      parentId,
      role: 'user',
      createdAt: Date.now(),
      parts,
      properties: properties && Object.keys(properties).length > 0 ? properties : undefined,
    };
    addMessage(tree, message);
    structureChanged();
    persist();
    return message;
  }

  function setName(newName: string) {
    name = newName;
    store.setState({ name });
    persist();
  }

  /** The sent draft, when `spec` answers the message it became (its send, or a retry of it). */
  const draftOf = (spec: RequestSpec) => (sentDraft?.messageId === spec.parentId ? sentDraft : undefined);

  function setDraft(draft: string) {
    store.setState({ draft });
    persistence.saveDraft(id, draft);
  }

  return {
    id,
    store,
    isBusy,
    getMessage: (messageId) => tree.nodes.get(messageId),
    branches: (messageId) => branchesOf(tree, messageId),

    async send(input, context) {
      refuseIfBusy('send');
      const draft = store.getState().draft;
      const message = addUserMessage(
        'send',
        tipId() ?? null,
        typeof input === 'string' ? { content: input } : (input ?? { content: draft }),
      );
      sentDraft = input === undefined ? { messageId: message.id, text: draft } : undefined;
      await run({ parentId: message.id, kind: 'send', step: 0 }, context);
    },

    stop() {
      const request = active;
      if (!request) {
        if (runningTools > 0) continuationCancelled = true;
        return;
      }
      request.detached = true;
      request.controller.abort();
      const shown = settle(request, { stopped: true }, request.context);
      finish(request.context, shown, { stopped: true });
    },

    async regenerate(messageId, context) {
      refuseIfBusy('regenerate');
      const path = store.getState().messages;
      const target = messageId === undefined ? path.at(-1) : tree.nodes.get(messageId);
      if (!target)
        throw new ChatActionError(
          'regenerate',
          'unknown-message',
          `no message ${messageId ?? '(the conversation is empty)'}.`,
        );
      const parentId = target.role === 'assistant' ? target.parentId : target.id;
      if (parentId === null)
        throw new ChatActionError('regenerate', 'unknown-message', 'the answer has no message to answer.');
      const step = answersSinceUser(pathTo(tree, parentId));
      await run({ parentId, kind: 'regenerate', step }, context);
    },

    async edit(messageId, content, context) {
      refuseIfBusy('edit');
      const original = tree.nodes.get(messageId);
      if (!original) throw new ChatActionError('edit', 'unknown-message', `no message ${messageId}.`);
      const otherParts = original.parts.filter((part) => part.type !== 'text');
      if (original.role === 'user') {
        const { parentId, properties } = original;
        const images = otherParts as ImagePart[];
        const message = addUserMessage('edit', parentId, {
          content,
          images,
          ...(properties && { properties }),
        });
        await run({ parentId: message.id, kind: 'edit', step: 0 }, context);
        return;
      }
      // An answer or a system message: a sibling with the new text, written by hand (no reasoning, no usage).
      const copy = {
        ...original,
        id: createId(),
        createdAt: Date.now(),
        parts: [{ type: 'text', text: content }, ...otherParts.filter((part) => part.type !== 'reasoning')],
        ...(original.role === 'assistant' && {
          state: 'done',
          metadata: {
            requestedModel: original.metadata.requestedModel,
            model: original.metadata.model,
            edited: true,
          },
        }),
      } as ChatMessage;
      addMessage(tree, copy);
      selectPathTo(tree, copy.id);
      structureChanged();
      persist();
    },

    async retry(context) {
      refuseIfBusy('retry');
      const spec = lastFailed;
      if (store.getState().status !== 'error' || !spec || !tree.nodes.has(spec.parentId)) {
        throw new ChatActionError('retry', 'nothing-to-retry', 'the last request did not fail.');
      }
      await run({ ...spec, kind: 'retry' }, context);
    },

    async addToolResult(toolCallId, result, context) {
      const message = findToolCall(toolCallId);
      if (!message)
        throw new ChatActionError('addToolResult', 'unknown-tool-call', `no tool call ${toolCallId}.`);
      setToolOutput(toolCallId, { output: result });
      persist();
      if (runningTools === 0) await continueAfterTools(message.id, context, false);
    },

    selectBranch(messageId) {
      if (!tree.nodes.has(messageId)) {
        throw new ChatActionError('selectBranch', 'unknown-message', `no message ${messageId}.`);
      }
      selectBranch(tree, messageId);
      structureChanged();
      persist();
    },

    setDraft,
    setName,

    applyExternal(external) {
      if ('tree' in external) {
        if (external.name !== undefined && external.name !== name) {
          name = external.name;
          store.setState({ name });
        }
        if (isBusy()) skippedExternal = external.tree;
        else if (mergeTrees(tree, external.tree, true)) takeMerged();
      } else {
        store.setState({ draft: external.draft });
      }
    },
  };
}

function hasToken(choice: ChoiceContent): boolean {
  return Boolean(choice.content || choice.reasoning || choice.refusal || choice.toolCalls.length > 0);
}
