import type { Attempt } from '../behaviours/attempts';
import { embeddingVector, vectorToBase64 } from '../generator/embedding';
import { countTokens } from '../generator/tokens';
import type { ProviderResult } from '../providers/types';

/** The texts of an embeddings `input`: a string, strings, or token arrays (embedded through their JSON). */
export function embeddingInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.length > 0) {
    if (input.every((entry) => typeof entry === 'number')) return [JSON.stringify(input)];
    if (input.every((entry) => typeof entry === 'string' || Array.isArray(entry))) {
      return input.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
    }
  }
  return undefined;
}

/** Deterministic unit vectors of the model's real dimension (or `dimensions`), float or base64. */
export function embeddingBody(body: Record<string, unknown>, attempt: Attempt): ProviderResult {
  const texts = embeddingInputs(body.input) ?? [];
  const native = attempt.model?.dimensions ?? 1536;
  const dimensions =
    typeof body.dimensions === 'number' && Number.isInteger(body.dimensions) ? body.dimensions : native;
  if (dimensions < 1 || dimensions > native) {
    return {
      ok: false,
      status: 400,
      message: `Invalid 'dimensions': must be from 1 to ${native} for ${attempt.providerModelId}.`,
    };
  }
  const base64 = body.encoding_format === 'base64';
  const promptTokens = texts.reduce((sum, text) => sum + countTokens(text), 0);
  return {
    ok: true,
    kind: 'json',
    body: {
      object: 'list',
      data: texts.map((text, index) => {
        const vector = embeddingVector(attempt.providerModelId, text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? vectorToBase64(vector) : vector };
      }),
      model: attempt.providerModelId,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    },
  };
}
