import type { ModelEntry, ParsedModel } from './types';

function formatEntry(entry: ModelEntry): string {
  if (entry.kind === 'exclude') return `!${entry.provider}`;
  let text = entry.online ? `${entry.name}:online` : entry.name;
  if (entry.provider !== undefined) text += `/${entry.provider}`;
  if (entry.deploymentId !== undefined) text += `/${entry.deploymentId}`;
  return text;
}

/** Writes the gateway's form of a parsed model string: entries joined by commas, never the `helicone/` prefix. */
export function formatModel(parsed: Pick<ParsedModel, 'entries'>): string {
  return parsed.entries.map(formatEntry).join(',');
}
