/** Response or request headers: a `Headers`, or a plain record whose keys may have any casing. */
export type HeadersInput = Headers | Readonly<Record<string, string | undefined>>;

/** A case-insensitive lookup over `headers`; the value is trimmed, and empty counts as missing. */
export function createHeaderReader(headers: HeadersInput | undefined): (name: string) => string | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return () => undefined;
  let get: (name: string) => string | null | undefined;
  // Duck-typed, so a Headers from another realm or a polyfill is read too.
  if (typeof (headers as Headers).get === 'function') {
    get = (name) => (headers as Headers).get(name);
  } else {
    const lowered = new Map<string, string>();
    for (const [key, value] of Object.entries(headers)) {
      if (typeof value === 'string' && !lowered.has(key.toLowerCase())) lowered.set(key.toLowerCase(), value);
    }
    get = (name) => lowered.get(name.toLowerCase());
  }
  return (name) => {
    const value = get(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
}
