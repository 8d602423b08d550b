import { encodeHeaderText, isPrintableAscii } from './encode-header-text';
import { unaliasedHeader } from './helicone-fields';
import { metadataEntries, type HeliconeMetadataInput } from './metadata-entries';

const SENT = /^(helicone-[\w!#$%&'*+.^`|~-]+|cache-control)$/i;

/**
 * The `Helicone-*` (and `Cache-Control`) entries of a LiteLLM-style metadata object, or of a `Headers`, as raw
 * request headers: they already are header names, so the browser sends them as they are and the server route
 * checks them with `fromHeliconeMetadata`, like every other client header (a bad value is its `400`, naming the
 * header). Other keys are left out, and so are empty values. Numbers and booleans are written as text; a value
 * that is not printable ASCII (a control character included) is written in the `UTF-8''` form, which the route
 * decodes, so nothing can inject a header. One header given in two casings: the last one wins.
 *
 * @throws TypeError for a value that is not a string, a number or a boolean.
 */
export function metadataHeaders(metadata: HeliconeMetadataInput): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, raw] of metadataEntries(metadata)) {
    // Other spellings (the seed's `Helicone-Rate-Limit-Policy`) go under the real name, which typed options replace.
    const name = unaliasedHeader(key.trim()) ?? key.trim();
    if (!SENT.test(name) || raw == null) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      throw new TypeError(`metadata[${JSON.stringify(name)}] must be a string, a number or a boolean.`);
    }
    const text = String(raw);
    // Printable ASCII goes as written (an `UTF-8''` value stays encoded); anything else is encoded.
    const value = isPrintableAscii(text) ? text.trim() : encodeHeaderText(text);
    if (value !== '') headers[name] = value;
  }
  return headers;
}
