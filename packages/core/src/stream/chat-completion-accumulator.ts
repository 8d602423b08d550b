import type { ChatCompletion, ChatCompletionChoice, CompletionChunk, ToolCall, Usage } from '../openai/types';
import { addChunkChoices, type ChoiceState, type MutableChoice } from './add-chunk-choices';

export type { ChoiceState, ToolCallState } from './add-chunk-choices';

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
    addChunkChoices(this.#choices, chunk);
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
