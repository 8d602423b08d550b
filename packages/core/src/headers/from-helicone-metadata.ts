import { HeaderValueError } from '../errors/header-value-error';
import { DECIMAL } from '../internal/decimal';
import { describePropertyField } from './describe-property-field';
import { HELICONE_PROPERTY_PREFIX } from './header-names';
import {
  checkAsciiHeaderValue,
  checkPropertyName,
  decodeHeaderValue,
  headerValueError,
  type HeaderField,
} from './header-value';
import { checkedFields, UUID, type FieldKind, type HeliconeField } from './field-checks';
import { headerOf, HELICONE_FIELDS, isSwitchedOff, unaliasedHeader } from './helicone-fields';
import {
  TOKEN_LIMIT_EXCEPTION_HANDLERS,
  type HeliconeCacheOptions,
  type HeliconeOptions,
  type HeliconeRetryOptions,
  type TokenLimitExceptionHandler,
} from './helicone-options';
import { metadataEntries, type HeliconeMetadataInput } from './metadata-entries';
import { parseRateLimitPolicy } from './parse-rate-limit-policy';

export type { HeliconeMetadataInput } from './metadata-entries';

let fieldsByHeader: Map<string, HeliconeField> | undefined;

/** Lower-cased header name (aliases included) → field; built on first use so that importing costs nothing. */
function fieldOf(lowerCaseName: string): HeliconeField | undefined {
  fieldsByHeader ??= new Map(checkedFields().map((field) => [headerOf(field[0]), field]));
  return fieldsByHeader.get(unaliasedHeader(lowerCaseName) ?? lowerCaseName);
}
const PROPERTY_PREFIX = 'helicone-property-';

type Found = { header: string; value: string };

function stringValue(value: unknown, where: HeaderField): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length === 1) return stringValue(value[0], where);
    throw headerValueError(where, 'is given more than once.');
  }
  throw headerValueError(where, 'must be a string, a number or a boolean.');
}

/**
 * Reads Helicone options from a LiteLLM-style metadata object or from the headers of an incoming request, in any
 * casing, and gives the same typed options `toHeliconeHeaders` takes, in a normalized form: switches that are on
 * are `true` (cache and retry as objects with `enabled`), switches that are off are left out, a rate-limit policy
 * is structured. Retry settings without `Helicone-Retry-Enabled: true` are kept as `retry: { enabled: false, ... }`
 * (the gateway ignores them, but nothing written is lost); the settings of a cache that is off are left out. Keys that are not Helicone headers are ignored, and so are `Helicone-*` headers the kit does not
 * model (`Helicone-Auth`, ...). `Cache-Control` is read only when a cache switch is on. Empty values are ignored.
 *
 * @throws HeaderValueError naming the field, for a hostile or malformed value, or one key given twice (in two
 * casings, or as both policy spellings) with different values.
 */
export function fromHeliconeMetadata(metadata: HeliconeMetadataInput): HeliconeOptions {
  const found = new Map<HeliconeField, Found>();
  const properties = new Map<string, { name: string } & Found>();
  if (typeof metadata !== 'object' || metadata === null) {
    throw new HeaderValueError({ field: 'metadata', reason: 'must be an object or a Headers.' });
  }

  for (const [key, raw] of metadataEntries(metadata)) {
    const name = key.trim();
    const lower = name.toLowerCase();
    if (lower.startsWith(PROPERTY_PREFIX)) {
      const propertyName = name.slice(PROPERTY_PREFIX.length);
      const field = describePropertyField(propertyName);
      // A bad name (CR, LF, 5 KB) must not reach the error: it is named by a placeholder, as toHeliconeHeaders does.
      checkPropertyName(propertyName, { field, header: `${HELICONE_PROPERTY_PREFIX}<name>` });
      const where = { field, header: name };
      const value = stringValue(raw, where);
      if (value === undefined) continue;
      const decoded = decodeHeaderValue(value, where);
      if (decoded === '') continue;
      const previous = properties.get(propertyName.toLowerCase());
      if (previous !== undefined && previous.value !== decoded) throw conflict(where);
      properties.set(propertyName.toLowerCase(), { name: propertyName, header: name, value: decoded });
      continue;
    }
    const field = fieldOf(lower);
    if (field === undefined) continue;
    const where = { field: field[0], header: name };
    const value = stringValue(raw, where);
    if (value === undefined) continue;
    const previous = found.get(field);
    if (previous !== undefined && previous.value !== value) throw conflict(where);
    found.set(field, { header: name, value });
  }

  const values: Record<string, unknown> = {};
  for (const [field, { header, value }] of found) {
    const [path, kind, min = 0, max = 0] = field;
    values[path] = readField(value, { field: path, header }, kind, min, max);
  }
  const options: Record<string, unknown> = {};
  if (properties.size > 0) {
    options.properties = Object.fromEntries([...properties.values()].map(({ name, value }) => [name, value]));
  }
  for (const [path] of HELICONE_FIELDS) {
    const value = values[path];
    if (value === undefined || isSwitchedOff(path, values)) continue;
    const [name, key] = path.split('.') as [string, string | undefined];
    if (key === undefined) options[name] = value;
    else ((options[name] ??= {}) as Record<string, unknown>)[key] = value;
  }
  const cache = options.cache as HeliconeCacheOptions | undefined;
  if (cache) cache.enabled ??= false;
  // Retry settings without the switch stay, marked off, so that toHeliconeHeaders writes them back as read.
  const retry = options.retry as HeliconeRetryOptions | undefined;
  if (retry) retry.enabled ??= false;
  const security = options.llmSecurity as { advanced?: boolean } | undefined;
  // Advanced alone switches nothing on at the gateway: it is dropped above rather than turned into "enabled".
  if (security) options.llmSecurity = security.advanced ? { advanced: true } : true;
  return options;
}

function conflict(where: HeaderField): HeaderValueError {
  return headerValueError(where, 'is given twice with different values.');
}

const INTEGER = /^\d+$/;

/** Like the gateway: `s-maxage` wins over `max-age`, anything above `max` is clamped, and nonsense is ignored. */
function readMaxAge(cacheControl: string, max: number): number | undefined {
  let maxAge: number | undefined;
  let sharedMaxAge: number | undefined;
  for (const directive of cacheControl.split(',')) {
    const match = /^\s*(max-age|s-maxage)\s*=\s*(\d+)\s*$/i.exec(directive);
    if (!match) continue;
    const seconds = Math.min(Number(match[2]), max);
    if (match[1]!.toLowerCase() === 'max-age') maxAge = seconds;
    else sharedMaxAge = seconds;
  }
  return sharedMaxAge ?? maxAge;
}

/** One field's value as `HeliconeOptions` has it; `undefined` for an empty value or a switch that is off. */
function readField(raw: string, where: HeaderField, kind: FieldKind, min: number, max: number): unknown {
  if (kind === 'text') {
    const text = decodeHeaderValue(raw, where);
    return text === '' ? undefined : text;
  }
  const value = checkAsciiHeaderValue(raw, where);
  if (value === '') return undefined;
  switch (kind) {
    case 'flag': {
      const lower = value.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return undefined;
      throw headerValueError(where, 'must be "true" or "false".');
    }
    case 'integer': {
      const number = Number(value);
      if (!INTEGER.test(value) || number < min || number > max) {
        throw headerValueError(where, `must be an integer from ${min} to ${max}.`);
      }
      return number;
    }
    case 'max-age':
      return readMaxAge(value, max);
    case 'decimal': {
      const number = Number(value);
      if (!DECIMAL.test(value) || !(number > 0) || !Number.isFinite(number)) {
        throw headerValueError(where, 'must be a number greater than 0.');
      }
      return number;
    }
    case 'uuid':
      if (!UUID.test(value)) throw headerValueError(where, 'must be a UUID.');
      return value;
    case 'keys': {
      const keys = value
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== '');
      return keys.length === 0 ? undefined : keys;
    }
    case 'policy':
      return parseRateLimitPolicy(value);
    case 'handler': {
      const handler = value.toLowerCase() as TokenLimitExceptionHandler;
      if (!TOKEN_LIMIT_EXCEPTION_HANDLERS.includes(handler)) {
        throw headerValueError(where, `must be one of ${TOKEN_LIMIT_EXCEPTION_HANDLERS.join(', ')}.`);
      }
      return handler;
    }
  }
}
