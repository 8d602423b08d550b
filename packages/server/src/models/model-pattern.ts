import type { ModelTarget } from '@helicone-kit/core';

/** One compiled entry of the `models` allow-list. */
export type ModelPattern = {
  source: string;
  name: RegExp;
  provider: RegExp | undefined;
  deploymentId: RegExp | undefined;
  /** True when the entry has no `*`: it names one model the route can list. */
  exact: boolean;
};

const PART = /^[A-Za-z0-9._:@+*-]+$/;

function compilePart(part: string): RegExp {
  const escaped = part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * Compiles `name[/provider[/deploymentId]]`, where `*` matches any run of characters within a part.
 * Returns a reason when the entry is not one.
 */
export function compileModelPattern(source: string): ModelPattern | string {
  const trimmed = source.trim();
  const parts = trimmed.split('/');
  if (trimmed === '' || parts.length > 3 || parts.some((part) => !PART.test(part))) {
    return `${JSON.stringify(source)} is not name[/provider[/deploymentId]] (letters, digits, . _ : @ + - and *)`;
  }
  const [name = '', provider, deploymentId] = parts;
  return {
    source: trimmed,
    name: compilePart(name),
    provider: provider === undefined ? undefined : compilePart(provider),
    deploymentId: deploymentId === undefined ? undefined : compilePart(deploymentId),
    exact: !trimmed.includes('*'),
  };
}

/**
 * A pattern without a provider allows the model through any provider; with one, only that provider. A specific
 * deployment (`name/provider/id`) needs a pattern with three parts. `:online` is part of the name, so
 * `gpt-4o` does not allow `gpt-4o:online` (web search costs extra), while `gpt-4o*` does.
 */
export function matchesModelPattern(pattern: ModelPattern, target: ModelTarget): boolean {
  const name = target.online ? `${target.name}:online` : target.name;
  if (!pattern.name.test(name)) return false;
  if (pattern.provider !== undefined) {
    if (target.provider === undefined || !pattern.provider.test(target.provider)) return false;
  }
  if (target.deploymentId !== undefined) {
    return pattern.deploymentId !== undefined && pattern.deploymentId.test(target.deploymentId);
  }
  return pattern.deploymentId === undefined;
}
