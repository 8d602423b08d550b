import type { ModelInfo, ModelPrice } from '@helicone-kit/core';

export type PricedAnswer = { requestedModel: string; model?: string; provider?: string };

/**
 * The ids an answer may be listed under: the served model, the requested text, then each entry of a fallback
 * list (`a,b/provider,!excluded`) with and without its provider and `:online`. A light reading of the model
 * grammar on purpose: it only looks up prices, and the full parser would weigh on every chat bundle.
 */
function candidateIds(answer: PricedAnswer): string[] {
  const ids = answer.model ? [answer.model, answer.requestedModel] : [answer.requestedModel];
  for (const entry of answer.requestedModel.replace(/^helicone\//, '').split(',')) {
    const target = entry.trim();
    if (target === '' || target.startsWith('!')) continue;
    const [name = '', provider] = target.split('/');
    const plain = name.replace(/:online$/, '');
    ids.push(target, provider ? `${plain}/${provider}` : plain, plain);
  }
  return ids;
}

/** The price of an answer from the route's model list (`GET {api}/models`), or `undefined` when not listed. */
export function findModelPrice(
  models: readonly ModelInfo[] | undefined,
  answer: PricedAnswer,
): ModelPrice | undefined {
  if (!models || models.length === 0) return undefined;
  for (const id of candidateIds(answer)) {
    const found = models.find((model) => model.id === id);
    if (found?.pricing) return found.pricing;
  }
  return undefined;
}
