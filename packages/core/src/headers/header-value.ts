import { HeaderValueError } from '../errors/header-value-error';

/** Longest header value (after encoding) the kit writes or accepts. */
export const MAX_HEADER_VALUE_LENGTH = 2048;
/** Longest property name (the part after `Helicone-Property-`). */
export const MAX_PROPERTY_NAME_LENGTH = 128;
/** RFC 8187 prefix of a percent-encoded UTF-8 value; the kit writes it for values that are not printable ASCII. */
export const UTF8_VALUE_PREFIX = "UTF-8''";

// C0 controls (CR, LF, TAB, NUL...), DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const isPrintableAscii = (value: string): boolean => PRINTABLE_ASCII.test(value);

export type HeaderField = { field: string; header: string };

export function headerValueError(where: HeaderField, reason: string): HeaderValueError {
  return new HeaderValueError({ field: where.field, header: where.header, reason });
}

/** `value` as it is, unless it holds a control character. */
function withoutControl(value: string, where: HeaderField): string {
  const found = CONTROL_CHARACTER.exec(value);
  if (!found) return value;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  throw headerValueError(
    where,
    `contains the control character U+${code}; CR, LF and other control characters could inject headers.`,
  );
}

/** Spaces around the value are dropped (HTTP would drop them anyway). */
const trimmed = (value: string, where: HeaderField) => withoutControl(value, where).replace(/^ +| +$/g, '');

function withinLength(value: string, where: HeaderField, when = ''): string {
  if (value.length > MAX_HEADER_VALUE_LENGTH) {
    throw headerValueError(where, `is longer than ${MAX_HEADER_VALUE_LENGTH} characters${when}.`);
  }
  return value;
}

const hasPrefix = (value: string) =>
  value.slice(0, UTF8_VALUE_PREFIX.length).toUpperCase() === UTF8_VALUE_PREFIX;

/** RFC 8187 attr-chars stay; everything else becomes %XX of its UTF-8 bytes. */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Checks a free-text value and turns it into a header value. Spaces around it are trimmed (HTTP would drop
 * them anyway). Values that are not printable ASCII, or that start with the encoding prefix, are written as
 * `UTF-8''<percent-encoded UTF-8>` so they survive HTTP and decode back exactly.
 *
 * @throws HeaderValueError on a non-string, a control character, an empty or ill-formed value, or an over-long one.
 */
export function encodeHeaderValue(value: unknown, where: HeaderField): string {
  if (typeof value !== 'string') throw headerValueError(where, 'must be a string.');
  const text = trimmed(value, where);
  if (text === '') throw headerValueError(where, 'is empty; leave the option out instead.');
  if (isPrintableAscii(text) && !hasPrefix(text)) return withinLength(text, where);
  let encoded: string;
  try {
    encoded = UTF8_VALUE_PREFIX + percentEncode(text);
  } catch {
    throw headerValueError(where, 'is not well-formed Unicode (it has a lone surrogate).');
  }
  return withinLength(encoded, where, ' once encoded');
}

/**
 * Checks a value that must be printable ASCII as written (ids, numbers, lists), without encoding it.
 *
 * @throws HeaderValueError like `encodeHeaderValue`, and on any character outside printable ASCII.
 */
export function checkAsciiHeaderValue(value: string, where: HeaderField): string {
  const text = trimmed(value, where);
  if (!isPrintableAscii(text)) throw headerValueError(where, 'must be printable ASCII.');
  return withinLength(text, where);
}

/**
 * Reads a header value written by `encodeHeaderValue` (or by anyone else): trims spaces and decodes the
 * `UTF-8''` form. A raw non-ASCII value (as in a metadata object) is kept as it is.
 *
 * @throws HeaderValueError on a control character (also one hidden in the encoding), a malformed encoding,
 * or an over-long value.
 */
export function decodeHeaderValue(raw: string, where: HeaderField): string {
  const text = withinLength(trimmed(raw, where), where);
  if (!hasPrefix(text)) return text;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice(UTF8_VALUE_PREFIX.length));
  } catch {
    throw headerValueError(where, `has a malformed ${UTF8_VALUE_PREFIX} percent-encoding.`);
  }
  return withoutControl(decoded, where);
}

/**
 * @throws HeaderValueError when `name` is not an HTTP token (RFC 9110 §5.6.2) of at most
 * `MAX_PROPERTY_NAME_LENGTH` characters.
 */
export function checkPropertyName(name: string, where: HeaderField): void {
  if (name === '') throw headerValueError(where, 'the property name is empty.');
  if (!HTTP_TOKEN.test(name)) {
    throw headerValueError(
      where,
      "the property name is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only).",
    );
  }
  if (name.length > MAX_PROPERTY_NAME_LENGTH) {
    throw headerValueError(where, `the property name is longer than ${MAX_PROPERTY_NAME_LENGTH} characters.`);
  }
}
