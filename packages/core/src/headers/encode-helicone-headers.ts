import { isRecord } from '../internal/is-record';
import { encodeHeaderText } from './encode-header-text';
import { heliconeFieldValues } from './field-values';
import { headerOf, HELICONE_FIELDS, isSwitchedOff, type WrittenKind } from './helicone-fields';
import type { HeliconeOptions } from './helicone-options';
import type { RateLimitPolicy } from './rate-limit-policy';
import { writeRateLimitPolicy } from './write-rate-limit-policy';

/**
 * One field's header value as written: empty for a value left out (`null` too), a switch that is off or an empty
 * list. A list (valid only for the cache's ignore-keys) is joined with commas, an object (valid only for the
 * rate-limit policy) is written as a policy.
 */
function encodeField(value: unknown, kind: WrittenKind | undefined): string {
  if (value == null || (kind === 'flag' && value === false)) return '';
  if (kind === 'max-age') value = `max-age=${value as number}`;
  if (isRecord(value)) value = writeRateLimitPolicy(value as RateLimitPolicy);
  if (Array.isArray(value)) value = value.map(encodeHeaderText).join(',');
  return encodeHeaderText(value);
}

/**
 * `toHeliconeHeaders` without its checks, for a browser talking to the server route, which checks every
 * `Helicone-*` header it lets through (and answers `400` naming the header). It writes what a valid option
 * gives exactly as `toHeliconeHeaders` does (the same headers, `true` for a switch that is on, `max-age=N`, a
 * policy object formatted, keys joined with commas, the settings of a switched-off group left out, `null`,
 * `undefined` and empty values left out), and anything else as text (a list or an object wherever it is given as
 * above): never a value `fetch` would refuse or one that could inject a header, since free text that is not
 * printable ASCII is `UTF-8''`-encoded. A policy string goes as written. The names are lower-cased (a property's name after `helicone-property-` as given;
 * `toHeliconeHeaders` gives the canonical spellings). With two property names that differ only in case, the last
 * one wins once they are set on a `Headers`.
 */
export function encodeHeliconeHeaders(options: HeliconeOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.properties ?? {})) {
    if (value != null) headers[`helicone-property-${name}`] = encodeHeaderText(value);
  }
  const values = heliconeFieldValues(options);
  // By path: a group's switches come before its settings, so they are here when the settings are written.
  const written: Record<string, string> = {};
  for (const [path, kind] of HELICONE_FIELDS) {
    const text = encodeField(values[path], kind);
    if (text === '') continue;
    written[path] = text;
    if (!isSwitchedOff(path, written)) headers[headerOf(path)] = text;
  }
  return headers;
}
