import { parseModel, type ParsedModel } from '@helicone-kit/core';
import { findModel, isKnownProvider, providerNames } from '../catalogue/catalogue';
import type { CatalogueModel } from '../catalogue/types';

/** One provider to try for a request, in fallback order. */
export type Attempt = {
  /** The name as written in the model string (`claude-3.5-sonnet`, an alias, or a passthrough id). */
  requestedName: string;
  /** Undefined for a passthrough (unknown name with an explicit provider). */
  model: CatalogueModel | undefined;
  provider: string;
  providerModelId: string;
  /** BYOK for passthroughs and deployment ids, PTB (credits) otherwise. */
  mode: 'BYOK' | 'PTB';
  /** `model/provider/mode`, as in the `source` of Helicone's error details. */
  source: string;
};

export type AttemptPlan = { ok: true; attempts: Attempt[] } | { ok: false; message: string };

const modelsLink = 'https://helicone.ai/models';

function invalidProvider(provider: string): string {
  return `Invalid provider: ${provider}. Valid providers: ${providerNames.join(', ')}`;
}

function attempt(
  requestedName: string,
  model: CatalogueModel | undefined,
  provider: string,
  id: string,
  byok: boolean,
): Attempt {
  const mode = byok ? 'BYOK' : 'PTB';
  return {
    requestedName,
    model,
    provider,
    providerModelId: id,
    mode,
    source: `${model?.id ?? requestedName}/${provider}/${mode.toLowerCase()}`,
  };
}

/**
 * LiteLLM's `helicone/` prefix left in a model string: the real gateway knows no such prefix and reads the first
 * entry `helicone/x[/y]` as the model `helicone` on provider `x` (deployment `y`). When `x` is no provider, that
 * is its `Invalid provider: x` 400. When it is one, `helicone` is an unknown name with an explicit provider, a
 * BYOK-only passthrough that no account has a key or a deployment for: the entry gives no attempt (so, alone,
 * the real `No available providers` 400).
 */
function prefixedEntry(parsed: ParsedModel): { provider: string; validProvider: boolean } {
  const first = parsed.entries[0];
  if (first === undefined) return { provider: '', validProvider: false };
  if (first.kind === 'exclude') return { provider: `!${first.provider}`, validProvider: false };
  const provider = first.online ? `${first.name}:online` : first.name;
  return { provider, validProvider: isKnownProvider(provider) };
}

/**
 * The attempts a model string gives, as Helicone's router builds them (HELICONE.md §1.4): entries in order,
 * each expanded to the providers that serve it (priority order), minus `!provider` exclusions. Errors carry
 * the real gateway's plain-text 400 messages.
 */
export function planAttempts(text: string): AttemptPlan {
  let parsed: ParsedModel;
  try {
    parsed = parseModel(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  let targets = parsed.targets;
  if (parsed.prefix !== undefined) {
    const prefixed = prefixedEntry(parsed);
    if (!prefixed.validProvider) return { ok: false, message: invalidProvider(prefixed.provider) };
    targets = targets.filter((target) => target !== parsed.entries[0]);
  }
  for (const provider of parsed.excludedProviders) {
    if (!isKnownProvider(provider)) return { ok: false, message: invalidProvider(provider) };
  }
  const excluded = new Set(parsed.excludedProviders);
  const attempts: Attempt[] = [];
  for (const target of targets) {
    if (target.provider !== undefined && !isKnownProvider(target.provider)) {
      return { ok: false, message: invalidProvider(target.provider) };
    }
    const model = findModel(target.name);
    if (model === undefined) {
      if (target.provider === undefined) {
        return {
          ok: false,
          message: `Unknown model: ${target.name}. Please specify a provider (e.g., ${target.name}/openai) or use a supported model. See ${modelsLink}`,
        };
      }
      if (!excluded.has(target.provider))
        attempts.push(attempt(target.name, undefined, target.provider, target.name, true));
      continue;
    }
    for (const endpoint of model.endpoints) {
      if (target.provider !== undefined && endpoint.provider !== target.provider) continue;
      if (excluded.has(endpoint.provider)) continue;
      attempts.push(
        attempt(
          target.name,
          model,
          endpoint.provider,
          endpoint.providerModelId,
          target.deploymentId !== undefined,
        ),
      );
    }
  }
  if (attempts.length === 0) {
    return {
      ok: false,
      message: `No available providers for the requested models. Check provider names and model availability at ${modelsLink}`,
    };
  }
  return { ok: true, attempts };
}
