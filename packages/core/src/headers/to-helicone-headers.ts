import { DECIMAL } from '../internal/decimal';
import { isRecord } from '../internal/is-record';
import { describePropertyField } from './describe-property-field';
import { formatRateLimitPolicy } from './format-rate-limit-policy';
import { HELICONE_PROPERTY_PREFIX } from './header-names';
import {
  checkAsciiHeaderValue,
  checkPropertyName,
  encodeHeaderValue,
  headerValueError,
  type HeaderField,
} from './header-value';
import { headerOf, HELICONE_FIELDS, isSwitchedOff, UUID, type FieldKind } from './helicone-fields';
import { TOKEN_LIMIT_EXCEPTION_HANDLERS, type HeliconeOptions } from './helicone-options';
import { parseRateLimitPolicy } from './parse-rate-limit-policy';
import type { RateLimitPolicy } from './rate-limit-policy';

function objectOption(value: unknown, where: HeaderField, reason: string): Record<string, unknown> {
  if (!isRecord(value)) throw headerValueError(where, reason);
  return value;
}

/** The options by field path (`cache.seed`), with the shorthand forms (`cache: true`) spelt out. */
function fieldValues(options: HeliconeOptions): Record<string, unknown> {
  const values: Record<string, unknown> = { ...options };
  const group = (
    name: string,
    header: string,
    value: unknown,
    enabled: (settings: Record<string, unknown>) => unknown,
  ) => {
    if (value === undefined || value === false) return;
    const where = { field: name, header };
    const settings = value === true ? {} : objectOption(value, where, 'must be a boolean or an object.');
    for (const [key, setting] of Object.entries(settings)) values[`${name}.${key}`] = setting;
    values[`${name}.enabled`] = enabled(settings);
  };
  if (options.session !== undefined) {
    const where = { field: 'session', header: 'Helicone-Session-*' };
    const session = objectOption(options.session, where, 'must be an object.');
    for (const [key, value] of Object.entries(session)) values[`session.${key}`] = value;
  }
  // `save` or `read` alone is a one-way cache: the two-way switch is then off unless asked for.
  group(
    'cache',
    'Helicone-Cache-*',
    options.cache,
    (cache) => cache.enabled ?? !(cache.save === true || cache.read === true),
  );
  group('retry', 'Helicone-Retry-*', options.retry, (retry) => retry.enabled ?? true);
  group('llmSecurity', 'Helicone-LLM-Security-*', options.llmSecurity, () => true);
  return values;
}

function formatInteger(value: unknown, where: HeaderField, min: number, max: number): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw headerValueError(where, `must be an integer from ${min} to ${max}.`);
  }
  return String(value);
}

function formatKeys(value: unknown, where: HeaderField): string | undefined {
  if (!Array.isArray(value)) throw headerValueError(where, 'must be an array of strings.');
  const keys = value.map((key: unknown, index) => {
    const at = { ...where, field: `${where.field}[${index}]` };
    if (typeof key !== 'string') throw headerValueError(at, 'must be a string.');
    const checked = checkAsciiHeaderValue(key, at);
    if (checked === '' || checked.includes(',')) {
      throw headerValueError(at, 'must be a non-empty JSON key without a comma.');
    }
    return checked;
  });
  return keys.length === 0 ? undefined : checkAsciiHeaderValue(keys.join(','), where);
}

/** One field's header value, or `undefined` for a switch that is off (or an empty list). */
function formatField(
  value: unknown,
  where: HeaderField,
  kind: FieldKind,
  min = 0,
  max = 0,
): string | undefined {
  switch (kind) {
    case 'text':
      return encodeHeaderValue(value, where);
    case 'flag':
      if (typeof value !== 'boolean') throw headerValueError(where, 'must be a boolean.');
      return value ? 'true' : undefined;
    case 'integer':
      return formatInteger(value, where, min, max);
    case 'max-age':
      return `max-age=${formatInteger(value, where, min, max)}`;
    case 'decimal': {
      const written = typeof value === 'number' ? String(value) : '';
      if (!DECIMAL.test(written) || !((value as number) > 0)) {
        throw headerValueError(where, 'must be a number greater than 0, written without an exponent.');
      }
      return written;
    }
    case 'uuid':
      if (typeof value !== 'string' || !UUID.test(value)) {
        throw headerValueError(where, 'must be a UUID (the gateway would silently replace anything else).');
      }
      return value;
    case 'keys':
      return formatKeys(value, where);
    case 'policy':
      return formatRateLimitPolicy(
        typeof value === 'string' ? parseRateLimitPolicy(value) : (value as RateLimitPolicy),
      );
    case 'handler':
      if (!TOKEN_LIMIT_EXCEPTION_HANDLERS.includes(value as never)) {
        throw headerValueError(where, `must be one of ${TOKEN_LIMIT_EXCEPTION_HANDLERS.join(', ')}.`);
      }
      return value as string;
  }
}

function writeProperties(value: unknown, headers: Record<string, string>): void {
  const properties = objectOption(
    value,
    { field: 'properties', header: `${HELICONE_PROPERTY_PREFIX}*` },
    'must be an object of property names and string values.',
  );
  const seen = new Set<string>();
  for (const [name, text] of Object.entries(properties)) {
    const field = describePropertyField(name);
    const header = HELICONE_PROPERTY_PREFIX + name;
    checkPropertyName(name, { field, header: `${HELICONE_PROPERTY_PREFIX}<name>` });
    if (seen.has(name.toLowerCase())) {
      throw headerValueError(
        { field, header },
        'another property has the same name in a different casing; HTTP header names are case-insensitive.',
      );
    }
    seen.add(name.toLowerCase());
    if (text !== undefined) headers[header] = encodeHeaderValue(text, { field, header });
  }
}

/**
 * Turns typed options into `Helicone-*` request headers with canonical names, following `HELICONE_FIELDS`.
 * Booleans are sent only when true (as `"true"`); free-text values are trimmed and, when not printable ASCII,
 * written as `UTF-8''<percent-encoded>`. The settings of a cache that is off (`cache: { enabled: false, maxAge: 60 }`)
 * are checked but not sent; those of a retry that is off (`retry: { enabled: false, num: 3 }`) are sent without
 * `Helicone-Retry-Enabled`, which the gateway needs before it reads them.
 *
 * @throws HeaderValueError naming the field, for any value that could not be sent as it is meant.
 */
export function toHeliconeHeaders(options: HeliconeOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options === undefined || options === null) return headers;
  if (typeof options !== 'object') {
    throw headerValueError({ field: 'options', header: 'Helicone-*' }, 'must be an object.');
  }
  if (options.properties !== undefined) writeProperties(options.properties, headers);
  const values = fieldValues(options);
  const written: Record<string, string> = {};
  for (const field of HELICONE_FIELDS) {
    const [path, , kind, min, max] = field;
    const value = values[path];
    const where = { field: path, header: headerOf(field) };
    const text = value === undefined ? undefined : formatField(value, where, kind, min, max);
    if (text !== undefined) written[path] = text;
  }
  for (const field of HELICONE_FIELDS) {
    const text = written[field[0]];
    if (text !== undefined && !isSwitchedOff(field[0], (switchPath) => switchPath in written)) {
      headers[headerOf(field)] = text;
    }
  }
  return headers;
}
