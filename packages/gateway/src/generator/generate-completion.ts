import { writeProse } from './prose';
import { createRandom } from './random';
import { seedOf } from './seed';
import { countTokens, truncateToTokens } from './tokens';

export type CompletionChoice = { index: number; text: string; finishReason: 'stop' | 'length' };

/** OpenAI's default `max_tokens` for the legacy completions endpoint. */
const defaultMaxTokens = 16;

/** The offline answer to a legacy `/v1/completions` body (one prompt string, or the first of a list). */
export function generateCompletion(
  body: Record<string, unknown>,
  model: string,
  variant = 0,
): { seed: string; promptTokens: number; completionTokens: number; choices: CompletionChoice[] } {
  const first: unknown = Array.isArray(body.prompt) ? body.prompt[0] : body.prompt;
  const prompt = typeof first === 'string' ? first : '';
  const seed = seedOf({
    model,
    variant,
    prompt,
    temperature: body.temperature,
    top_p: body.top_p,
    seed: body.seed,
  });
  const limit =
    typeof body.max_tokens === 'number' && Number.isInteger(body.max_tokens) && body.max_tokens >= 0
      ? body.max_tokens
      : defaultMaxTokens;
  const stops = (
    typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : []
  ).filter((stop): stop is string => typeof stop === 'string' && stop !== '');
  const count = typeof body.n === 'number' && Number.isInteger(body.n) && body.n > 0 ? body.n : 1;
  const choices = Array.from({ length: count }, (_, index): CompletionChoice => {
    let text = ` ${writeProse(createRandom(`${seed}:${index}`), prompt)}`;
    const at = Math.min(...stops.map((stop) => text.indexOf(stop)).filter((position) => position !== -1));
    if (Number.isFinite(at)) text = text.slice(0, at);
    const truncated = truncateToTokens(text, limit);
    return { index, text: truncated.text, finishReason: truncated.truncated ? 'length' : 'stop' };
  });
  return {
    seed,
    promptTokens: countTokens(prompt),
    completionTokens: choices.reduce((sum, choice) => sum + countTokens(choice.text), 0),
    choices,
  };
}
