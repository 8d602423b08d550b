import type { HeliconeOptions } from '@helicone-kit/core';
import type { Authorization } from '../options/handler-options';

export type MergeSources = {
  /** What the browser sent, already limited by `clientMay`. */
  client: HeliconeOptions;
  defaults: HeliconeOptions;
  authorization: Authorization;
  /** The per-user budget, when `budgets` is set; it is the request's one rate-limit policy. */
  budgetPolicy: string | undefined;
  requestId: string;
};

/** Properties merged by case-insensitive name; later sources win, keeping the later spelling. */
function mergeProperties(
  ...sources: (Record<string, string> | undefined)[]
): Record<string, string> | undefined {
  const merged = new Map<string, [string, string]>();
  for (const source of sources) {
    if (source === undefined) continue;
    for (const [name, value] of Object.entries(source)) merged.set(name.toLowerCase(), [name, value]);
  }
  return merged.size === 0 ? undefined : Object.fromEntries(merged.values());
}

/**
 * The options of one forwarded call. Server values always win over the browser's: `authorize` over `defaults`
 * over the client; the user id comes from `authorize` alone.
 */
export function mergeHeliconeOptions({
  client,
  defaults,
  authorization,
  budgetPolicy,
  requestId,
}: MergeSources): HeliconeOptions {
  const merged: HeliconeOptions = { ...defaults, requestId };
  const properties = mergeProperties(client.properties, defaults.properties, authorization.properties);
  if (properties === undefined) delete merged.properties;
  else merged.properties = properties;

  if (authorization.userId === undefined) delete merged.userId;
  else merged.userId = authorization.userId;

  if (client.session !== undefined || defaults.session !== undefined) {
    merged.session = { ...client.session, ...defaults.session };
  }
  if (defaults.promptId === undefined && client.promptId !== undefined) merged.promptId = client.promptId;
  if (defaults.cache === undefined && client.cache !== undefined) merged.cache = client.cache;
  if (defaults.retry === undefined && client.retry !== undefined) merged.retry = client.retry;

  const policy = budgetPolicy ?? defaults.rateLimitPolicy ?? client.rateLimitPolicy;
  if (policy === undefined) delete merged.rateLimitPolicy;
  else merged.rateLimitPolicy = policy;
  return merged;
}
