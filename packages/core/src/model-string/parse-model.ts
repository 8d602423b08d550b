import { ModelStringError } from '../errors/model-string-error';
import type { ModelEntry, ModelTarget, ParsedModel } from './types';

/** The prefix LiteLLM puts in front of the whole list; the real gateway would read it as a model name. */
export const HELICONE_PREFIX = 'helicone/';

const ONLINE_SUFFIX = ':online';
// Ids seen across providers: dots and dashes (claude-3.5-haiku), colons (ft:gpt-4o:org::id, bedrock's -v1:0),
// `@` (vertex's claude-3-5-haiku@20241022), `+` and underscores.
const NAME = /^[A-Za-z0-9._:@+-]+$/;
const PROVIDER = /^[A-Za-z0-9_-]+$/;
const DEPLOYMENT_ID = /^[A-Za-z0-9._:@-]+$/;

/**
 * Parses a Helicone model string: `name[:online][/provider[/deploymentId]]` entries, comma-separated in
 * fallback order, `!provider` exclusions, and LiteLLM's single leading `helicone/`.
 *
 * @throws ModelStringError naming the entry and the reason.
 */
export function parseModel(text: string): ParsedModel {
  if (typeof text !== 'string') {
    throw new ModelStringError({ model: String(text), reason: 'the model must be a string.' });
  }
  const trimmed = text.trim();
  if (trimmed === '') throw new ModelStringError({ model: text, reason: 'it is empty.' });

  const prefixed = trimmed.startsWith(HELICONE_PREFIX);
  const list = prefixed ? trimmed.slice(HELICONE_PREFIX.length) : trimmed;
  const entries = list.split(',').map((raw, index) => parseEntry(text, raw.trim(), index));

  return {
    prefix: prefixed ? HELICONE_PREFIX : undefined,
    entries,
    targets: entries.filter((entry): entry is ModelTarget => entry.kind === 'model'),
    excludedProviders: entries.flatMap((entry) => (entry.kind === 'exclude' ? [entry.provider] : [])),
  };
}

function parseEntry(model: string, entry: string, entryIndex: number): ModelEntry {
  const fail = (reason: string): never => {
    throw new ModelStringError({ model, entryIndex, entry, reason });
  };
  if (entry === '') return fail('is empty.');

  if (entry.startsWith('!')) {
    const provider = entry.slice(1).trim();
    if (provider === '') return fail('excludes no provider: write "!provider".');
    if (!PROVIDER.test(provider)) return fail(`has an invalid provider name ${JSON.stringify(provider)}.`);
    return { kind: 'exclude', provider };
  }

  const parts = entry.split('/').map((part) => part.trim());
  if (parts.length > 3) return fail('has too many "/" parts: expected name[/provider[/deploymentId]].');
  const [rawName = '', provider, deploymentId] = parts;

  const online = rawName.endsWith(ONLINE_SUFFIX);
  const name = online ? rawName.slice(0, -ONLINE_SUFFIX.length) : rawName;
  if (name === '') return fail('has no model name.');
  if (!NAME.test(name))
    return fail(`has a character that cannot appear in a model id: ${JSON.stringify(name)}.`);

  const target: ModelTarget = { kind: 'model', name, online };
  if (provider !== undefined) {
    if (provider === '') return fail('has an empty provider after "/".');
    if (!PROVIDER.test(provider)) return fail(`has an invalid provider name ${JSON.stringify(provider)}.`);
    target.provider = provider;
  }
  if (deploymentId !== undefined) {
    if (deploymentId === '') return fail('has an empty deployment id after the provider.');
    if (!DEPLOYMENT_ID.test(deploymentId)) {
      return fail(`has an invalid deployment id ${JSON.stringify(deploymentId)}.`);
    }
    target.deploymentId = deploymentId;
  }
  return target;
}
