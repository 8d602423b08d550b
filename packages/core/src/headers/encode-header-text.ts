/** RFC 8187 prefix of a percent-encoded UTF-8 value; the kit writes it for values that are not printable ASCII. */
export const UTF8_VALUE_PREFIX = "UTF-8''";

// Space to tilde.
const PRINTABLE_ASCII = /^[ -~]*$/;

export const isPrintableAscii = (value: string): boolean => PRINTABLE_ASCII.test(value);

export const hasUtf8Prefix = (value: string): boolean =>
  value.slice(0, UTF8_VALUE_PREFIX.length).toUpperCase() === UTF8_VALUE_PREFIX;

/** Printable ASCII that does not start with `UTF8_VALUE_PREFIX` (in any casing): a value sent as it is. */
const SENT_AS_IT_IS = /^(?!utf-8'')[ -~]*$/i;

/** Spaces around a value are dropped (HTTP would drop them anyway). */
export const trimSpaces = (value: string): string => value.replace(/^ +| +$/g, '');

/**
 * A free-text value (a number or a boolean as text) as a header value, without any check: trimmed of spaces, and,
 * when it is not printable ASCII or starts with the encoding prefix, written as `UTF-8''<percent-encoded UTF-8>`
 * (RFC 8187 attr-chars stay), so `fetch` can send it and the reader decodes it back exactly. A control character is
 * encoded too, so it cannot inject a header; the server route then refuses it. A lone surrogate, which has no UTF-8
 * form, gives a malformed encoding that the route refuses as well.
 */
export function encodeHeaderText(value: unknown): string {
  // Valid values are strings, numbers and booleans; anything else is written as text, for the route to judge.
  const text = trimSpaces(`${value as string}`);
  if (SENT_AS_IT_IS.test(text)) return text;
  try {
    return (
      UTF8_VALUE_PREFIX +
      encodeURIComponent(text).replace(
        /['()*]/g,
        (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
      )
    );
  } catch {
    return `${UTF8_VALUE_PREFIX}%`;
  }
}
