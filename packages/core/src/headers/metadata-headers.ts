import { checkAsciiHeaderValue, encodeHeaderValue, headerValueError, isPrintableAscii } from './header-value';
import { unaliasedHeader } from './helicone-fields';
import { metadataEntries, type HeliconeMetadataInput } from './metadata-entries';

const SENT = /^(helicone-[!#$%&'*+\-.^_`|~0-9a-z]+|cache-control)$/i;

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
  for (const [key, raw] of metadataEntries(metadata)) {
    // Other spellings (the seed's `Helicone-Rate-Limit-Policy`) go under the real name, which typed options replace.
    const name = unaliasedHeader(key.trim()) ?? key.trim();
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
