import { ModelStringError } from '../errors/model-string-error';
import { HELICONE_PREFIX } from './parse-model';
import type { ModelEntry, ParsedModel } from './types';

function formatEntry(entry: ModelEntry): string {
  if (entry.kind === 'exclude') return `!${entry.provider}`;
  let text = entry.online ? `${entry.name}:online` : entry.name;
  if (entry.provider !== undefined) text += `/${entry.provider}`;
  if (entry.deploymentId !== undefined) text += `/${entry.deploymentId}`;
  return text;
}

/**
 * Writes the gateway's form of a parsed model string: entries joined by commas, never the `helicone/` prefix.
 *
 * @throws ModelStringError when the first entry is the model `helicone` with a provider: `helicone/openai` would
 * read back (here, and in LiteLLM) as the `helicone/` prefix in front of the model `openai`.
 */
export function formatModel(parsed: Pick<ParsedModel, 'entries'>): string {
  const text = parsed.entries.map(formatEntry).join(',');
  const [first] = parsed.entries;
  if (first !== undefined && text.startsWith(HELICONE_PREFIX)) {
    throw new ModelStringError({
      model: text,
      entryIndex: 0,
      entry: formatEntry(first),
      reason:
        `is the model "helicone" with a provider: written first, "${HELICONE_PREFIX}" reads as the LiteLLM prefix ` +
        'and the provider as the model. Put another entry first.',
    });
  }
  return text;
}
