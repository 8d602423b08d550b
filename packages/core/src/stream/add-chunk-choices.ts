import type {
  Annotation,
  ChatCompletionRole,
  FinishReason,
  ReasoningDetail,
  ToolCallDelta,
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

export type MutableToolCall = { -readonly [K in keyof ToolCallState]: ToolCallState[K] };
export type MutableChoice = {
  -readonly [K in keyof ChoiceState]: ChoiceState[K];
} & {
  reasoningDetails: ReasoningDetail[];
  toolCalls: MutableToolCall[];
  annotations: Annotation[];
  /** The call that fragments with a given `index` currently extend. */
  toolCallsByIndex: Map<number, MutableToolCall>;
};

/**
 * Folds the choices of one chunk into `choices` (by index), appending fragments to strings and arrays in place:
 * no per-chunk copies, so a UI may call it for every token. Gives the choices the chunk touched, in its order.
 * Chunks with `choices: []` (a usage chunk, or Azure's filter-results chunk) are fine.
 */
export function addChunkChoices(
  choices: Map<number, MutableChoice>,
  chunk: { readonly choices?: unknown },
): MutableChoice[] {
  const touched: MutableChoice[] = [];
  if (!Array.isArray(chunk.choices)) return touched;
  for (const raw of chunk.choices as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    touched.push(addChoice(choices, raw as Record<string, unknown>));
  }
  return touched;
}

function addChoice(choices: Map<number, MutableChoice>, raw: Record<string, unknown>): MutableChoice {
  const index = typeof raw.index === 'number' ? raw.index : 0;
  let choice = choices.get(index);
  if (!choice) {
    choice = emptyChoice(index);
    choices.set(index, choice);
  }
  if (typeof raw.finish_reason === 'string') choice.finishReason = raw.finish_reason;
  if (typeof raw.text === 'string') choice.text = (choice.text ?? '') + raw.text;
  const delta = raw.delta;
  if (typeof delta === 'object' && delta !== null) addDelta(choice, delta as Record<string, unknown>);
  return choice;
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
  const fragment = raw as Partial<ToolCallDelta>;
  const id = typeof fragment.id === 'string' && fragment.id !== '' ? fragment.id : undefined;
  const call =
    typeof fragment.index === 'number'
      ? callAtIndex(choice, fragment.index, id)
      : callWithoutIndex(choice, id);
  const name = fragment.function?.name;
  if (typeof name === 'string' && name !== '') call.name = name;
  const fragmentArguments = fragment.function?.arguments;
  if (typeof fragmentArguments === 'string') call.arguments += fragmentArguments;
}

function startCall(choice: MutableChoice, index: number, id: string | undefined): MutableToolCall {
  const call: MutableToolCall = { index, id: id ?? '', type: 'function', name: '', arguments: '' };
  choice.toolCallsByIndex.set(index, call);
  choice.toolCalls.push(call);
  return call;
}

/** The call a fragment with this id may extend; `undefined` when the id says it is another call. */
function sameCall(call: MutableToolCall | undefined, id: string | undefined): MutableToolCall | undefined {
  if (!call || (id !== undefined && call.id !== '' && call.id !== id)) return undefined;
  if (id !== undefined && call.id === '') call.id = id;
  return call;
}

// A different id at a known index is a new call (some providers reuse index 0); the same id repeated on every
// fragment (Helicone's Anthropic conversion) is not.
function callAtIndex(choice: MutableChoice, index: number, id: string | undefined): MutableToolCall {
  return sameCall(choice.toolCallsByIndex.get(index), id) ?? startCall(choice, index, id);
}

// Without an index, a fragment extends the last call unless it brings a new id; a new call takes the next free index.
function callWithoutIndex(choice: MutableChoice, id: string | undefined): MutableToolCall {
  const existing = sameCall(choice.toolCalls.at(-1), id);
  if (existing) return existing;
  const nextIndex = Math.max(-1, ...choice.toolCallsByIndex.keys()) + 1;
  return startCall(choice, nextIndex, id);
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
