import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionMessage,
  CompletionChunk,
  Usage,
} from '../openai/types';
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
    if (typeof chunk.model === 'string' && chunk.model) this.#model = chunk.model;
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
    const object = this.#object;
    const completion: ChatCompletion = {
      id: this.#id,
      object,
      created: this.#created,
      model: this.#model,
      choices: [...this.#choices.values()]
        .sort((left, right) => left.index - right.index)
        .map((choice) => toCompletionChoice(choice, object)),
    };
    if (this.#usage) completion.usage = this.#usage;
    if (this.#systemFingerprint !== undefined) completion.system_fingerprint = this.#systemFingerprint;
    if (this.#serviceTier !== undefined) completion.service_tier = this.#serviceTier;
    return completion;
  }
}

function toCompletionChoice(choice: MutableChoice, object: ChatCompletion['object']): ChatCompletionChoice {
  const isText = object === 'text_completion';
  const message: ChatCompletionMessage = {
    role: choice.role,
    content: isText ? choice.text : choice.content,
  };
  if (choice.refusal !== null) message.refusal = choice.refusal;
  if (choice.reasoning !== null) message.reasoning = choice.reasoning;
  // Copies of the live details and lists, so later chunks do not reach into the snapshot.
  if (choice.reasoningDetails.length)
    message.reasoning_details = choice.reasoningDetails.map((detail) => ({ ...detail }));
  if (choice.toolCalls.length) {
    message.tool_calls = choice.toolCalls.map(({ id, type, name, arguments: text }) => ({
      id,
      type,
      function: { name, arguments: text },
    }));
  }
  if (choice.annotations.length) message.annotations = [...choice.annotations];
  const result: ChatCompletionChoice = { index: choice.index, message, finish_reason: choice.finishReason };
  if (isText) result.text = choice.text ?? '';
  return result;
}
