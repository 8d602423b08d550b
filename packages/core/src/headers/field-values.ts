import { isRecord } from '../internal/is-record';
import type { HeliconeOptions } from './helicone-options';

/**
 * The options by field path (`cache.seed`), with the shorthand forms (`cache: true`) spelt out and each group's
 * switch set: on unless its object sets `enabled`, but off for `save` or `read` alone (a one-way cache). Nothing is
 * checked here.
 */
export function heliconeFieldValues(options: HeliconeOptions): Record<string, unknown> {
  const values: Record<string, unknown> = { ...options };
  for (const [name, value] of Object.entries(options)) {
    const settings: unknown = value === true ? {} : value;
    if (!isRecord(settings)) continue;
    for (const [key, setting] of Object.entries(settings)) values[`${name}.${key}`] = setting;
    values[`${name}.enabled`] = settings.enabled ?? !(settings.save === true || settings.read === true);
  }
  return values;
}
