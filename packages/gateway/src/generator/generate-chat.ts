import { valueFromSchema } from './json-from-schema';
import { messageText } from './message-text';
import { writeProse } from './prose';
import { countPromptTokens, type PromptMessage } from './prompt-tokens';
import { createRandom, type Random } from './random';
import { seedOf } from './seed';
import { chooseTool } from './tool-choice';
import { countTokens, truncateToTokens } from './tokens';

export type ChatRequestBody = {
  messages?: PromptMessage[];
  n?: unknown;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
  stop?: unknown;
  temperature?: unknown;
  top_p?: unknown;
  seed?: unknown;
  response_format?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
  [key: string]: unknown;
};

export type GeneratedToolCall = { id: string; name: string; arguments: string };

export type FinishReason = 'stop' | 'length' | 'tool_calls';

export type GeneratedChoice = {
  index: number;
  /** Reasoning text, for reasoning models (streamed as `delta.reasoning` before the answer). */
  reasoning?: string;
  content: string | null;
  toolCalls?: GeneratedToolCall[];
  finishReason: FinishReason;
  completionTokens: number;
  reasoningTokens: number;
};

export type GeneratedChat = {
  /** Stable for a given request: the response `id` and `created` derive from it. */
  seed: string;
  promptTokens: number;
  choices: GeneratedChoice[];
};

export type GenerateOptions = {
  /** Served model id: part of the seed, so two models answer differently. */
  model: string;
  reasoning: boolean;
  /** Mixed into the seed: a cache bucket slot, so each slot of a bucket holds a different answer. */
  variant?: number;
};

function stopStrings(stop: unknown): string[] {
  if (typeof stop === 'string') return stop === '' ? [] : [stop];
  if (Array.isArray(stop))
    return stop.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
  return [];
}

function cutAtStop(text: string, stops: readonly string[]): { text: string; stopped: boolean } {
  let end = -1;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at !== -1 && (end === -1 || at < end)) end = at;
  }
  return end === -1 ? { text, stopped: false } : { text: text.slice(0, end), stopped: true };
}

function tokenLimit(body: ChatRequestBody): number | undefined {
  const value = body.max_completion_tokens ?? body.max_tokens;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function jsonAnswer(body: ChatRequestBody, random: Random, prompt: string): string | undefined {
  const format = body.response_format as { type?: unknown; json_schema?: { schema?: unknown } } | undefined;
  if (format?.type === 'json_schema')
    return JSON.stringify(valueFromSchema(format.json_schema?.schema ?? {}, random));
  if (format?.type === 'json_object') {
    return JSON.stringify({
      answer: writeProse(random, prompt).split('\n')[0],
      confidence: random.integer(50, 99) / 100,
    });
  }
  return undefined;
}

function reasoningText(random: Random, prompt: string): string {
  const topic = prompt.trim().split(/\s+/).slice(0, 8).join(' ');
  const steps = [
    `The question is about "${topic}".`,
    random.pick(['First, I should restate what is being asked.', 'Let me break this into parts.']),
    random.pick([
      'A short list and an example will make it concrete.',
      'A table would compare the options well.',
    ]),
    random.pick(['I will keep the answer brief.', 'I should check the edge cases before answering.']),
  ];
  return steps.join(' ');
}

function generateChoice(
  body: ChatRequestBody,
  random: Random,
  index: number,
  options: GenerateOptions,
): GeneratedChoice {
  const messages = body.messages ?? [];
  const prompt = messageText(messages.filter((message) => message.role === 'user').at(-1)?.content);
  const limit = tokenLimit(body);
  // As OpenAI counts it: reasoning spends the `max_tokens` budget first, the answer gets what is left.
  const fullReasoning = options.reasoning ? reasoningText(random, prompt) : undefined;
  const cutReasoning =
    fullReasoning === undefined || limit === undefined
      ? { text: fullReasoning, truncated: false }
      : truncateToTokens(fullReasoning, limit);
  const reasoning = cutReasoning.text;
  const reasoningTokens = reasoning === undefined ? 0 : countTokens(reasoning);
  const left = limit === undefined ? undefined : limit - reasoningTokens;
  const withReasoning = reasoning === undefined ? {} : { reasoning };
  const tool = chooseTool(messages, body.tools, body.tool_choice);
  const budgetSpent = (): GeneratedChoice => ({
    index,
    ...withReasoning,
    content: '',
    finishReason: 'length',
    completionTokens: reasoningTokens,
    reasoningTokens,
  });
  if (cutReasoning.truncated) return budgetSpent();
  if (tool) {
    const fullArguments = JSON.stringify(
      valueFromSchema(tool.parameters ?? { type: 'object', properties: {} }, random),
    );
    const nameTokens = countTokens(tool.name);
    // A budget that does not even hold the function name gives no call at all.
    if (left !== undefined && nameTokens > left) return budgetSpent();
    const cut =
      left === undefined
        ? { text: fullArguments, truncated: false }
        : truncateToTokens(fullArguments, left - nameTokens);
    const call = { id: `call_${random.hex(24)}`, name: tool.name, arguments: cut.text };
    return {
      index,
      ...withReasoning,
      content: null,
      toolCalls: [call],
      // Cut arguments are not valid JSON: OpenAI ends such an answer with `length`, not `tool_calls`.
      finishReason: cut.truncated ? 'length' : 'tool_calls',
      completionTokens: nameTokens + countTokens(call.arguments) + reasoningTokens,
      reasoningTokens,
    };
  }
  const full = jsonAnswer(body, random, prompt) ?? writeProse(random, prompt);
  const stopped = cutAtStop(full, stopStrings(body.stop));
  const truncated =
    left === undefined ? { text: stopped.text, truncated: false } : truncateToTokens(stopped.text, left);
  return {
    index,
    ...withReasoning,
    content: truncated.text,
    finishReason: truncated.truncated ? 'length' : 'stop',
    completionTokens: countTokens(truncated.text) + reasoningTokens,
    reasoningTokens,
  };
}

/**
 * The offline answer to a chat body: deterministic for the same body, model and variant (`temperature`,
 * `top_p` and `seed` are part of the body, so they change the text); each of the `n` choices differs.
 */
export function generateChat(body: ChatRequestBody, options: GenerateOptions): GeneratedChat {
  const seed = seedOf({
    model: options.model,
    variant: options.variant ?? 0,
    messages: body.messages ?? [],
    temperature: body.temperature,
    top_p: body.top_p,
    seed: body.seed,
    response_format: body.response_format,
    tools: body.tools,
    tool_choice: body.tool_choice,
  });
  const count = typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 0 ? body.n : 1;
  const choices = Array.from({ length: count }, (_, index) =>
    generateChoice(body, createRandom(`${seed}:${index}`), index, options),
  );
  return { seed, promptTokens: countPromptTokens(body.messages ?? [], [body.tools]), choices };
}
