import type {
  Annotation,
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionRole,
  CompletionChunk,
  FinishReason,
  ReasoningDetail,
  ToolCall,
  ToolCallDelta,
  Usage,
} from '../openai/types';

/** A tool call being assembled: `arguments` grows with each fragment and is JSON only once the call is complete. */
export type ToolCallState = {
  readonly index: number;
  readonly id: string;
  readonly type: 'function';
  readonly name: string;
  readonly arguments: string;
};

/**
 * What one choice holds so far. The accumulator hands out its live state (no copy), so reading it after every
 * chunk costs nothing; it changes as chunks arrive. Call `snapshot()` for a detached result.
 */
export type ChoiceState = {
  readonly index: number;
  readonly role: ChatCompletionRole;
  /** `null` until a content delta arrives (tool-call-only answers keep `null`, as OpenAI's non-stream reply does). */
  readonly content: string | null;
  readonly refusal: string | null;
  /** From `delta.reasoning` or DeepSeek's `delta.reasoning_content`. */
  readonly reasoning: string | null;
  readonly reasoningDetails: readonly ReasoningDetail[];
  /** In order of first appearance. */
  readonly toolCalls: readonly ToolCallState[];
  readonly annotations: readonly Annotation[];
  readonly finishReason: FinishReason | null;
  /** Legacy text completions only: the accumulated `choices[].text`. */
  readonly text: string | null;
};

type MutableToolCall = { -readonly [K in keyof ToolCallState]: ToolCallState[K] };
type MutableChoice = {
  -readonly [K in keyof ChoiceState]: ChoiceState[K];
} & {
  reasoningDetails: ReasoningDetail[];
  toolCalls: MutableToolCall[];
  annotations: Annotation[];
  /** The call that fragments with a given `index` currently extend. */
  toolCallsByIndex: Map<number, MutableToolCall>;
};

/**
 * Folds stream chunks into the final message of each choice. Each `add` appends fragments to strings and arrays
 * in place: no per-chunk copies, so a UI may call it for every token.
 */
export class ChatCompletionAccumulator {
  #choices = new Map<number, MutableChoice>();
  #object: ChatCompletion['object'] = 'chat.completion';
  #id = '';
  #created = 0;
  #model = '';
  #systemFingerprint: string | null | undefined;
  #serviceTier: string | null | undefined;
  #usage: Usage | undefined;
  #chunkCount = 0;

  /** Folds one chunk in. Chunks with `choices: []` (a usage chunk, or Azure's filter-results chunk) are fine. */
  add(chunk: CompletionChunk): this {
    this.#chunkCount++;
    if (chunk.object === 'text_completion') this.#object = 'text_completion';
    if (!this.#id && typeof chunk.id === 'string') this.#id = chunk.id;
    if (!this.#created && typeof chunk.created === 'number') this.#created = chunk.created;
    if (typeof chunk.model === 'string' && chunk.model !== '') this.#model = chunk.model;
    if (chunk.system_fingerprint !== undefined) this.#systemFingerprint = chunk.system_fingerprint;
    if ('service_tier' in chunk && chunk.service_tier !== undefined) this.#serviceTier = chunk.service_tier;
    if (chunk.usage) this.#usage = chunk.usage;
    if (!Array.isArray(chunk.choices)) return this;
    for (const choice of chunk.choices as unknown[]) {
      if (typeof choice !== 'object' || choice === null) continue;
      this.#addChoice(choice as Record<string, unknown>);
    }
    return this;
  }

  /** The live state of one choice (see `ChoiceState`), or `undefined` before its first chunk. */
  getChoice(index = 0): ChoiceState | undefined {
    return this.#choices.get(index);
  }

  /** Live states of every choice seen so far, by index. */
  get choices(): ReadonlyMap<number, ChoiceState> {
    return this.#choices;
  }

  /** The latest usage seen (from a `choices: []` chunk or from the finish chunk). */
  get usage(): Usage | undefined {
    return this.#usage;
  }

  get chunkCount(): number {
    return this.#chunkCount;
  }

  /** Builds the OpenAI `ChatCompletion` shape from what arrived so far. Detached: later chunks do not change it. */
  snapshot(): ChatCompletion {
    const choices = [...this.#choices.values()]
      .sort((left, right) => left.index - right.index)
      .map((choice) => toCompletionChoice(choice, this.#object));
    return {
      id: this.#id,
      object: this.#object,
      created: this.#created,
      model: this.#model,
      choices,
      ...(this.#usage ? { usage: this.#usage } : {}),
      ...(this.#systemFingerprint === undefined ? {} : { system_fingerprint: this.#systemFingerprint }),
      ...(this.#serviceTier === undefined ? {} : { service_tier: this.#serviceTier }),
    };
  }

  #addChoice(raw: Record<string, unknown>): void {
    const index = typeof raw.index === 'number' ? raw.index : 0;
    let choice = this.#choices.get(index);
    if (!choice) {
      choice = emptyChoice(index);
      this.#choices.set(index, choice);
    }
    if (typeof raw.finish_reason === 'string') choice.finishReason = raw.finish_reason;
    if (typeof raw.text === 'string') choice.text = (choice.text ?? '') + raw.text;
    const delta = raw.delta;
    if (typeof delta !== 'object' || delta === null) return;
    addDelta(choice, delta as Record<string, unknown>);
  }
}

function emptyChoice(index: number): MutableChoice {
  return {
    index,
    role: 'assistant',
    content: null,
    refusal: null,
    reasoning: null,
    reasoningDetails: [],
    toolCalls: [],
    annotations: [],
    finishReason: null,
    text: null,
    toolCallsByIndex: new Map(),
  };
}

function addDelta(choice: MutableChoice, delta: Record<string, unknown>): void {
  if (typeof delta.role === 'string') choice.role = delta.role;
  if (typeof delta.content === 'string') choice.content = (choice.content ?? '') + delta.content;
  if (typeof delta.refusal === 'string') choice.refusal = (choice.refusal ?? '') + delta.refusal;
  // Some providers send the same text under both names; take one per delta.
  const reasoning = typeof delta.reasoning === 'string' ? delta.reasoning : delta.reasoning_content;
  if (typeof reasoning === 'string') choice.reasoning = (choice.reasoning ?? '') + reasoning;
  if (Array.isArray(delta.reasoning_details)) {
    for (const detail of delta.reasoning_details as unknown[]) addReasoningDetail(choice, detail);
  }
  if (Array.isArray(delta.tool_calls)) {
    for (const fragment of delta.tool_calls as unknown[]) addToolCallFragment(choice, fragment);
  }
  if (Array.isArray(delta.annotations)) {
    for (const annotation of delta.annotations as unknown[]) {
      if (typeof annotation === 'object' && annotation !== null)
        choice.annotations.push(annotation as Annotation);
    }
  }
}

function addToolCallFragment(choice: MutableChoice, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  const fragment = raw as ToolCallDelta;
  const index = typeof fragment.index === 'number' ? fragment.index : choice.toolCalls.length;
  const id = typeof fragment.id === 'string' && fragment.id !== '' ? fragment.id : undefined;
  let call = choice.toolCallsByIndex.get(index);
  // A different id at a known index is a new call (some providers reuse index 0); the same id repeated on every
  // fragment (Helicone's Anthropic conversion) is not.
  if (!call || (id !== undefined && call.id !== '' && call.id !== id)) {
    call = { index, id: id ?? '', type: 'function', name: '', arguments: '' };
    choice.toolCallsByIndex.set(index, call);
    choice.toolCalls.push(call);
  } else if (id !== undefined && call.id === '') {
    call.id = id;
  }
  const name = fragment.function?.name;
  if (typeof name === 'string' && name !== '') call.name = name;
  const fragmentArguments = fragment.function?.arguments;
  if (typeof fragmentArguments === 'string') call.arguments += fragmentArguments;
}

/** Text pieces of one reasoning detail arrive with the same `index` and `type`; they are joined. */
function addReasoningDetail(choice: MutableChoice, raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  const detail = raw as ReasoningDetail;
  const last = choice.reasoningDetails.at(-1);
  if (last && typeof detail.index === 'number' && last.index === detail.index && last.type === detail.type) {
    for (const key of ['text', 'summary', 'data'] as const) {
      const piece = detail[key];
      if (typeof piece === 'string') last[key] = (last[key] ?? '') + piece;
    }
    if (typeof detail.signature === 'string' && detail.signature !== '') last.signature = detail.signature;
    return;
  }
  choice.reasoningDetails.push({ ...detail });
}

function toCompletionChoice(choice: MutableChoice, object: ChatCompletion['object']): ChatCompletionChoice {
  const toolCalls: ToolCall[] = choice.toolCalls.map((call) => ({
    id: call.id,
    type: call.type,
    function: { name: call.name, arguments: call.arguments },
  }));
  const content = object === 'text_completion' ? choice.text : choice.content;
  return {
    index: choice.index,
    message: {
      role: choice.role,
      content,
      ...(choice.refusal === null ? {} : { refusal: choice.refusal }),
      ...(choice.reasoning === null ? {} : { reasoning: choice.reasoning }),
      ...(choice.reasoningDetails.length > 0
        ? { reasoning_details: choice.reasoningDetails.map((detail) => ({ ...detail })) }
        : {}),
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      ...(choice.annotations.length > 0 ? { annotations: [...choice.annotations] } : {}),
    },
    finish_reason: choice.finishReason,
    ...(object === 'text_completion' ? { text: choice.text ?? '' } : {}),
  };
}
