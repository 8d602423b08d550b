import { HeaderValueError } from '../errors/header-value-error';
import {
  encodeHeaderText,
  hasUtf8Prefix,
  isPrintableAscii,
  trimSpaces,
  UTF8_VALUE_PREFIX,
} from './encode-header-text';

/** Longest header value (after encoding) the kit writes or accepts. */
export const MAX_HEADER_VALUE_LENGTH = 2048;
/** Longest property name (the part after `Helicone-Property-`). */
export const MAX_PROPERTY_NAME_LENGTH = 128;

// C0 controls (CR, LF, TAB, NUL...), DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// With the `u` flag, only a surrogate that is not half of a pair matches.
const LONE_SURROGATE = /\p{Cs}/u;

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

const trimmed = (value: string, where: HeaderField) => trimSpaces(withoutControl(value, where));

function withinLength(value: string, where: HeaderField, when = ''): string {
  if (value.length > MAX_HEADER_VALUE_LENGTH) {
    throw headerValueError(where, `is longer than ${MAX_HEADER_VALUE_LENGTH} characters${when}.`);
  }
  return value;
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
  if (LONE_SURROGATE.test(text)) {
    throw headerValueError(where, 'is not well-formed Unicode (it has a lone surrogate).');
  }
  const encoded = encodeHeaderText(text);
  return withinLength(encoded, where, encoded === text ? '' : ' once encoded');
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
  if (!hasUtf8Prefix(text)) return text;
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
