import { ChatCompletionAccumulator, type CompletionChunk } from '@helicone-kit/core';

function isChunk(chunk: unknown): chunk is CompletionChunk {
  return (
    typeof chunk === 'object' && chunk !== null && Array.isArray((chunk as { choices?: unknown }).choices)
  );
}

/**
 * The JSON body a cached stream stands for, for a non-streamed request that hits it (possible when
 * `Helicone-Cache-Ignore-Keys` drops `stream` from the key): the chunks folded by core's accumulator. A legacy
 * text completion gets OpenAI's `text_completion` choice shape (`text`, no `message`).
 */
export function foldCachedChunks(chunks: readonly unknown[]): Record<string, unknown> {
  const accumulator = new ChatCompletionAccumulator();
  for (const chunk of chunks) if (isChunk(chunk)) accumulator.add(chunk);
  const completion = accumulator.snapshot();
  const choices = completion.choices.map((choice) =>
    completion.object === 'text_completion'
      ? { text: choice.text ?? '', index: choice.index, logprobs: null, finish_reason: choice.finish_reason }
      : { index: choice.index, message: choice.message, logprobs: null, finish_reason: choice.finish_reason },
  );
  return { ...completion, choices };
}
