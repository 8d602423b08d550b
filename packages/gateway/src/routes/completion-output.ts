import type { generateCompletion } from '../generator/generate-completion';
import { responseIdentity } from '../generator/response-identity';
import { tokenPieces } from '../generator/tokens';
import { delay } from '../http/delay';
import type { Pace } from '../types';
import { tokenInterval } from './offline-chat-chunks';

type GeneratedCompletion = ReturnType<typeof generateCompletion>;

function usageOf(generated: GeneratedCompletion) {
  return {
    prompt_tokens: generated.promptTokens,
    completion_tokens: generated.completionTokens,
    total_tokens: generated.promptTokens + generated.completionTokens,
  };
}

/** The non-streamed `text_completion` body. */
export function completionBody(generated: GeneratedCompletion, model: string): Record<string, unknown> {
  const { id, created } = responseIdentity('cmpl-', generated.seed);
  return {
    id,
    object: 'text_completion',
    created,
    model,
    choices: generated.choices.map((choice) => ({
      text: choice.text,
      index: choice.index,
      logprobs: null,
      finish_reason: choice.finishReason,
    })),
    usage: usageOf(generated),
  };
}

/** The legacy completion streamed token by token; the finish reason rides on each choice's last token. */
export async function* offlineCompletionChunks(
  generated: GeneratedCompletion,
  model: string,
  pace: Pace,
  signal: AbortSignal,
): AsyncGenerator<Record<string, unknown>> {
  const { id, created } = responseIdentity('cmpl-', generated.seed);
  if (!(await delay(pace.firstTokenMs, signal))) return;
  let first = true;
  for (const choice of generated.choices) {
    const pieces = tokenPieces(choice.text);
    if (pieces.length === 0) pieces.push('');
    for (const [position, piece] of pieces.entries()) {
      if (!first && !(await delay(tokenInterval(pace), signal))) return;
      first = false;
      const finish = position === pieces.length - 1 ? choice.finishReason : null;
      yield {
        id,
        object: 'text_completion',
        created,
        choices: [{ text: piece, index: choice.index, logprobs: null, finish_reason: finish }],
        model,
        usage: null,
      };
    }
  }
  yield { id, object: 'text_completion', created, model, usage: usageOf(generated), choices: [] };
}
