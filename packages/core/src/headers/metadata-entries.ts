/** A LiteLLM-style metadata object, a plain record of request headers (any casing), or a `Headers`. */
export type HeliconeMetadataInput = Headers | Readonly<Record<string, unknown>>;

/** The entries of a metadata object, or of a `Headers` (duck-typed, so one from another realm or a polyfill too). */
export function metadataEntries(input: HeliconeMetadataInput): Array<[string, unknown]> {
  const headers = input as Headers;
  if (typeof headers.get !== 'function' || typeof headers.forEach !== 'function')
    return Object.entries(input);
  const entries: Array<[string, string]> = [];
  headers.forEach((value, key) => entries.push([key, value]));
  return entries;
}
