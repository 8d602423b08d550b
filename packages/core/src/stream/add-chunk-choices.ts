import type { Annotation, ChatCompletionRole, FinishReason, ReasoningDetail } from '../openai/types';

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
};

type Loose = Record<string, unknown>;

/** The objects among `list`, when it is an array (providers send `null` and worse in places). */
const objectsIn = (list: unknown) =>
  (Array.isArray(list) ? list : []).filter(
    (item): item is Loose => typeof item === 'object' && item !== null,
  );

/** Appends `piece` to the string at `key` (which may still be `null` or missing) when `piece` is a string. */
function append<Key extends string>(target: { [K in Key]?: string | null }, key: Key, piece: unknown): void {
  if (typeof piece === 'string') target[key] = (target[key] ?? '') + piece;
}

/**
 * Folds the choices of one chunk into `choices` (by index), appending fragments to strings and arrays in place:
 * no per-chunk copies, so a UI may call it for every token. Gives the choices the chunk touched, in its order.
 * Chunks with `choices: []` (a usage chunk, or Azure's filter-results chunk) are fine. A whole completion folds
 * as one chunk whose deltas are its messages.
 */
export function addChunkChoices(
  choices: Map<number, MutableChoice>,
  chunk: { readonly choices?: unknown },
): MutableChoice[] {
  return objectsIn(chunk.choices).map((raw) => {
    const index = typeof raw.index === 'number' ? raw.index : 0;
    let choice = choices.get(index);
    if (!choice) {
      choice = {
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
      };
      choices.set(index, choice);
    }
    if (typeof raw.finish_reason === 'string') choice.finishReason = raw.finish_reason;
    append(choice, 'text', raw.text);
    // A non-streamed completion's choice has the whole `message` instead (a chunk sending both: `delta` only).
    const delta = (raw.delta ?? raw.message ?? {}) as Loose;
    if (typeof delta.role === 'string') choice.role = delta.role;
    append(choice, 'content', delta.content);
    append(choice, 'refusal', delta.refusal);
    // Some providers send the same text under both names; take one per delta.
    append(
      choice,
      'reasoning',
      typeof delta.reasoning === 'string' ? delta.reasoning : delta.reasoning_content,
    );
    for (const detail of objectsIn(delta.reasoning_details))
      addReasoningDetail(choice.reasoningDetails, detail);
    for (const fragment of objectsIn(delta.tool_calls)) addToolCallFragment(choice.toolCalls, fragment);
    choice.annotations.push(...(objectsIn(delta.annotations) as Annotation[]));
    return choice;
  });
}

/**
 * A fragment extends the latest call at its `index` (without an index: the last call), unless it brings an id
 * that differs from that call's: then it starts a new call (some providers reuse index 0). The same id repeated
 * on every fragment (Helicone's Anthropic conversion) is not a new call. A new call without an index takes the
 * next free index.
 */
function addToolCallFragment(calls: MutableToolCall[], fragment: Loose): void {
  const id = typeof fragment.id === 'string' ? fragment.id : '';
  const index = typeof fragment.index === 'number' ? fragment.index : undefined;
  let call = index === undefined ? calls.at(-1) : calls.findLast((known) => known.index === index);
  if (!call || (id && call.id && call.id !== id)) {
    call = {
      index: index ?? Math.max(-1, ...calls.map((known) => known.index)) + 1,
      id: '',
      type: 'function',
      name: '',
      arguments: '',
    };
    calls.push(call);
  }
  call.id ||= id;
  const { name, arguments: piece } = (fragment.function ?? {}) as Loose;
  if (typeof name === 'string' && name) call.name = name;
  append(call, 'arguments', piece);
}

/** Text pieces of one reasoning detail arrive with the same `index` and `type`; they are joined. */
function addReasoningDetail(details: ReasoningDetail[], detail: Loose): void {
  const last = details.at(-1);
  if (last && typeof detail.index === 'number' && last.index === detail.index && last.type === detail.type) {
    for (const key of ['text', 'summary', 'data'] as const) append(last, key, detail[key]);
    if (typeof detail.signature === 'string' && detail.signature) last.signature = detail.signature;
  } else {
    details.push({ ...detail } as ReasoningDetail);
  }
}
