import type { HeliconeMetadataInput } from './from-helicone-metadata';
import { HELICONE_REQUEST_HEADERS } from './header-names';
import { checkAsciiHeaderValue, encodeHeaderValue, headerValueError, isPrintableAscii } from './header-value';

const SENT = /^(helicone-[!#$%&'*+\-.^_`|~0-9a-z]+|cache-control)$/i;
// The seed documentation's misspelling: sent under the real name, so a typed `rateLimitPolicy` replaces it.
const RENAMED: Record<string, string> = {
  'helicone-rate-limit-policy': HELICONE_REQUEST_HEADERS.rateLimitPolicy,
};

/**
 * The `Helicone-*` (and `Cache-Control`) entries of a LiteLLM-style metadata object, or of a `Headers`, as raw
 * request headers: they already are header names, so the browser sends them as they are and the server route
 * reads them with `fromHeliconeMetadata`, like every other client header. Other keys are left out, and so are
 * empty values. Numbers and booleans are written as text; a value that is not printable ASCII is written in the
 * `UTF-8''` form, which the route decodes.
 *
 * @throws HeaderValueError for a value that is not a string, a number or a boolean, a control character, an
 * over-long value, or one header given twice (in two casings) with different values.
 */
export function metadataHeaders(metadata: HeliconeMetadataInput): Record<string, string> {
  const headers: Record<string, string> = {};
  const entries: [string, unknown][] = [];
  // Duck-typed, so a Headers from another realm or a polyfill is read too.
  if (
    typeof (metadata as Headers).forEach === 'function' &&
    typeof (metadata as Headers).get === 'function'
  ) {
    (metadata as Headers).forEach((value, name) => entries.push([name, value]));
  } else if (typeof metadata === 'object' && metadata !== null) {
    entries.push(...Object.entries(metadata));
  } else {
    throw headerValueError({ field: 'metadata', header: 'Helicone-*' }, 'must be an object or a Headers.');
  }
  for (const [key, raw] of entries) {
    const name = RENAMED[key.trim().toLowerCase()] ?? key.trim();
    if (!SENT.test(name) || raw === undefined || raw === null) continue;
    const where = { field: `metadata[${JSON.stringify(name)}]`, header: name };
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      throw headerValueError(where, 'must be a string, a number or a boolean.');
    }
    const text = String(raw);
    // Printable ASCII goes as written (an `UTF-8''` value stays encoded); anything else is encoded.
    const value = isPrintableAscii(text)
      ? checkAsciiHeaderValue(text, where)
      : encodeHeaderValue(text, where);
    if (value === '') continue;
    const same = Object.keys(headers).find((other) => other.toLowerCase() === name.toLowerCase());
    if (same !== undefined && headers[same] !== value) {
      throw headerValueError(where, 'is given twice with different values.');
    }
    headers[same ?? name] = value;
  }
  return headers;
}
