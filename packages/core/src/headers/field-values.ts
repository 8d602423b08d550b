import { isRecord } from '../internal/is-record';
import type { HeliconeOptions } from './helicone-options';

type Settings = Record<string, unknown>;

/** A group's switch when its object does not set `enabled`. */
const ENABLED: Readonly<Record<string, (settings: Settings) => unknown>> = {
  // `save` or `read` alone is a one-way cache: the two-way switch is then off unless asked for.
  cache: (cache) => cache.enabled ?? !(cache.save === true || cache.read === true),
  retry: (retry) => retry.enabled ?? true,
  llmSecurity: () => true,
};

/**
 * The options by field path (`cache.seed`), with the shorthand forms (`cache: true`) spelt out and each group's
 * switch set. Nothing is checked here.
 */
export function heliconeFieldValues(options: HeliconeOptions): Record<string, unknown> {
  const values: Record<string, unknown> = { ...options };
  for (const [name, value] of Object.entries(options)) {
    const settings = value === true ? {} : value;
    if (!isRecord(settings)) continue;
    for (const [key, setting] of Object.entries(settings)) values[`${name}.${key}`] = setting;
    const enabled = ENABLED[name];
    if (enabled) values[`${name}.enabled`] = enabled(settings);
  }
  return values;
}
