import type { GeneratedChat } from '../generator/generate-chat';
import { responseIdentity } from '../generator/response-identity';
import { delay } from '../http/delay';
import type { Pace } from '../types';
import { chatChunkSteps } from './chat-chunks';
import { chatUsage } from './chat-usage';

/** Milliseconds between two tokens at a pace (0 when unpaced). */
export function tokenInterval(pace: Pace): number {
  return pace.tokensPerSecond > 0 && Number.isFinite(pace.tokensPerSecond) ? 1000 / pace.tokensPerSecond : 0;
}

/**
 * The generated answer as `chat.completion.chunk` objects, one token each, at the given pace; the last one is
 * the usage chunk with `choices: []` that the gateway forces (HELICONE.md §6). Stops at once on abort.
 */
export async function* offlineChatChunks(
  generated: GeneratedChat,
  model: string,
  pace: Pace,
  signal: AbortSignal,
): AsyncGenerator<Record<string, unknown>> {
  const { id, created } = responseIdentity('chatcmpl-', generated.seed);
  const base = {
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: `fp_${generated.seed.slice(-10)}`,
  };
  if (!(await delay(pace.firstTokenMs, signal))) return;
  const interval = tokenInterval(pace);
  let first = true;
  for (const step of chatChunkSteps(generated)) {
    if (step.paced && !first && !(await delay(interval, signal))) return;
    if (step.paced) first = false;
    if (signal.aborted) return;
    yield { ...base, choices: [step.choice], usage: null };
  }
  yield {
    ...base,
    choices: [],
    usage: chatUsage(
      generated.promptTokens,
      generated.choices.reduce((sum, choice) => sum + choice.completionTokens, 0),
      generated.choices.reduce((sum, choice) => sum + choice.reasoningTokens, 0),
    ),
  };
}
