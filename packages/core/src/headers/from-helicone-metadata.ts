import { HeaderValueError } from '../errors/header-value-error';
import { describePropertyField } from './describe-property-field';
import { HELICONE_REQUEST_HEADERS as H } from './header-names';
import {
  checkAsciiHeaderValue,
  checkPropertyName,
  decodeHeaderValue,
  headerValueError,
  type HeaderField,
} from './header-value';
import {
  MAX_CACHE_BUCKET_SIZE,
  MAX_CACHE_MAX_AGE_SECONDS,
  MAX_RETRY_NUM,
  MAX_RETRY_TIMEOUT_MS,
  TOKEN_LIMIT_EXCEPTION_HANDLERS,
  type HeliconeCacheOptions,
  type HeliconeOptions,
  type HeliconeRetryOptions,
  type TokenLimitExceptionHandler,
} from './helicone-options';
import { parseRateLimitPolicy } from './parse-rate-limit-policy';

/** A LiteLLM-style metadata object, a plain record of request headers (any casing), or a `Headers`. */
export type HeliconeMetadataInput = Headers | Readonly<Record<string, unknown>>;

type Slot = { field: string; header: string };

let slots: Map<string, Slot> | undefined;

/** Lower-cased header name → option field; built on first use so that importing the module costs nothing. */
const getSlots = () =>
  (slots ??= new Map<string, Slot>(
    (
      [
        ['userId', H.userId],
        ['session.id', H.sessionId],
        ['session.path', H.sessionPath],
        ['session.name', H.sessionName],
        ['promptId', H.promptId],
        ['requestId', H.requestId],
        ['cache.enabled', H.cacheEnabled],
        ['cache.save', H.cacheSave],
        ['cache.read', H.cacheRead],
        ['cache.bucketMaxSize', H.cacheBucketMaxSize],
        ['cache.seed', H.cacheSeed],
        ['cache.ignoreKeys', H.cacheIgnoreKeys],
        ['retry.enabled', H.retryEnabled],
        ['retry.num', H.retryNum],
        ['retry.factor', H.retryFactor],
        ['retry.minTimeout', H.retryMinTimeout],
        ['retry.maxTimeout', H.retryMaxTimeout],
        ['rateLimitPolicy', H.rateLimitPolicy],
        // The seed documentation's misspelling of the header above.
        ['rateLimitPolicy', 'Helicone-Rate-Limit-Policy'],
        ['omitRequest', H.omitRequest],
        ['omitResponse', H.omitResponse],
        ['moderations', H.moderationsEnabled],
        ['llmSecurity', H.llmSecurityEnabled],
        ['llmSecurity', 'Helicone-Prompt-Security-Enabled'],
        ['llmSecurity.advanced', H.llmSecurityAdvanced],
        ['tokenLimitExceptionHandler', H.tokenLimitExceptionHandler],
      ] as const
    ).map(([field, header]) => [header.toLowerCase(), { field, header }]),
  ));
const PROPERTY_PREFIX = 'helicone-property-';
const CACHE_CONTROL = 'cache-control';

type Found = { header: string; value: string };

function isHeadersLike(input: unknown): input is Headers {
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as Headers).get === 'function' &&
    typeof (input as Headers).forEach === 'function'
  );
}

function entriesOf(input: HeliconeMetadataInput): Array<[string, unknown]> {
  // Duck-typed, so a Headers from another realm or a polyfill is read too.
  if (isHeadersLike(input)) {
    const entries: Array<[string, string]> = [];
    input.forEach((value, key) => entries.push([key, value]));
    return entries;
  }
  if (typeof input !== 'object' || input === null) {
    throw new HeaderValueError({ field: 'metadata', reason: 'must be an object or a Headers.' });
  }
  return Object.entries(input);
}

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
 * is structured. Keys that are not Helicone headers are ignored, and so are `Helicone-*` headers the kit does not
 * model (`Helicone-Auth`, ...). `Cache-Control` is read only when a cache switch is on. Empty values are ignored.
 *
 * @throws HeaderValueError naming the field, for a hostile or malformed value, or one key given twice (in two
 * casings, or as both policy spellings) with different values.
 */
export function fromHeliconeMetadata(metadata: HeliconeMetadataInput): HeliconeOptions {
  const found = new Map<string, Found>();
  const properties = new Map<string, { name: string } & Found>();
  let cacheControl: string | undefined;

  for (const [key, raw] of entriesOf(metadata)) {
    const name = key.trim();
    const lower = name.toLowerCase();
    if (lower === CACHE_CONTROL) {
      cacheControl = stringValue(raw, { field: 'cache.maxAge', header: H.cacheControl });
      continue;
    }
    if (lower.startsWith(PROPERTY_PREFIX)) {
      const propertyName = name.slice(PROPERTY_PREFIX.length);
      const where = { field: describePropertyField(propertyName), header: name };
      checkPropertyName(propertyName, where);
      const value = stringValue(raw, where);
      if (value === undefined) continue;
      const decoded = decodeHeaderValue(value, where);
      if (decoded === '') continue;
      const previous = properties.get(propertyName.toLowerCase());
      if (previous !== undefined && previous.value !== decoded) throw conflict(where);
      properties.set(propertyName.toLowerCase(), { name: propertyName, header: name, value: decoded });
      continue;
    }
    const slot = getSlots().get(lower);
    if (slot === undefined) continue;
    const value = stringValue(raw, { field: slot.field, header: name });
    if (value === undefined) continue;
    const previous = found.get(slot.field);
    if (previous !== undefined && previous.value !== value)
      throw conflict({ field: slot.field, header: name });
    found.set(slot.field, { header: name, value });
  }

  const read = new Reader(found);
  const options: HeliconeOptions = {};
  if (properties.size > 0) {
    options.properties = Object.fromEntries([...properties.values()].map(({ name, value }) => [name, value]));
  }
  assign(options, 'userId', read.text('userId'));
  const session = compact({
    id: read.text('session.id'),
    path: read.text('session.path'),
    name: read.text('session.name'),
  });
  if (session) options.session = session;
  assign(options, 'promptId', read.text('promptId'));
  assign(options, 'requestId', read.requestId());

  const cache = readCache(read, cacheControl);
  if (cache) options.cache = cache;
  const retry = readRetry(read);
  if (retry) options.retry = retry;

  const policy = read.ascii('rateLimitPolicy');
  if (policy !== undefined) options.rateLimitPolicy = parseRateLimitPolicy(policy);
  if (read.flag('omitRequest')) options.omitRequest = true;
  if (read.flag('omitResponse')) options.omitResponse = true;
  if (read.flag('moderations')) options.moderations = true;
  const advanced = read.flag('llmSecurity.advanced');
  // Advanced alone switches nothing on at the gateway, so it is dropped rather than turned into "enabled".
  if (read.flag('llmSecurity')) options.llmSecurity = advanced ? { advanced: true } : true;
  const handler = read.ascii('tokenLimitExceptionHandler')?.toLowerCase();
  if (handler !== undefined) {
    if (!TOKEN_LIMIT_EXCEPTION_HANDLERS.includes(handler as TokenLimitExceptionHandler)) {
      throw read.error(
        'tokenLimitExceptionHandler',
        `must be one of ${TOKEN_LIMIT_EXCEPTION_HANDLERS.join(', ')}.`,
      );
    }
    options.tokenLimitExceptionHandler = handler as TokenLimitExceptionHandler;
  }
  return options;
}

function conflict(where: HeaderField): HeaderValueError {
  return headerValueError(where, 'is given twice with different values.');
}

function assign<K extends keyof HeliconeOptions>(
  options: HeliconeOptions,
  key: K,
  value: HeliconeOptions[K],
) {
  if (value !== undefined) options[key] = value;
}

function compact<T extends Record<string, unknown>>(object: T): T | undefined {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

class Reader {
  constructor(private readonly found: Map<string, Found>) {}

  error(field: string, reason: string): HeaderValueError {
    return headerValueError({ field, header: this.found.get(field)?.header ?? field }, reason);
  }

  private where(field: string): HeaderField {
    return { field, header: this.found.get(field)?.header ?? field };
  }

  text(field: string): string | undefined {
    const entry = this.found.get(field);
    if (entry === undefined) return undefined;
    const value = decodeHeaderValue(entry.value, this.where(field));
    return value === '' ? undefined : value;
  }

  ascii(field: string): string | undefined {
    const entry = this.found.get(field);
    if (entry === undefined) return undefined;
    const value = checkAsciiHeaderValue(entry.value, this.where(field));
    return value === '' ? undefined : value;
  }

  flag(field: string): boolean {
    const value = this.ascii(field)?.toLowerCase();
    if (value === undefined || value === 'false') return false;
    if (value === 'true') return true;
    throw this.error(field, 'must be "true" or "false".');
  }

  integer(field: string, min: number, max: number): number | undefined {
    const value = this.ascii(field);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!INTEGER.test(value) || number < min || number > max) {
      throw this.error(field, `must be an integer from ${min} to ${max}.`);
    }
    return number;
  }

  decimal(field: string): number | undefined {
    const value = this.ascii(field);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!DECIMAL.test(value) || !(number > 0) || !Number.isFinite(number)) {
      throw this.error(field, 'must be a number greater than 0.');
    }
    return number;
  }

  requestId(): string | undefined {
    const value = this.ascii('requestId');
    if (value !== undefined && !UUID.test(value)) throw this.error('requestId', 'must be a UUID.');
    return value;
  }
}

function readMaxAge(cacheControl: string): number | undefined {
  let maxAge: number | undefined;
  let sharedMaxAge: number | undefined;
  for (const directive of cacheControl.split(',')) {
    const match = /^\s*(max-age|s-maxage)\s*=\s*(\d+)\s*$/i.exec(directive);
    if (!match) continue;
    const seconds = Math.min(Number(match[2]), MAX_CACHE_MAX_AGE_SECONDS);
    if (match[1]!.toLowerCase() === 'max-age') maxAge = seconds;
    else sharedMaxAge = seconds;
  }
  // Like the gateway: s-maxage wins, and anything above 365 days is clamped.
  return sharedMaxAge ?? maxAge;
}

function readCache(read: Reader, cacheControl: string | undefined): HeliconeCacheOptions | undefined {
  const enabled = read.flag('cache.enabled');
  const save = read.flag('cache.save');
  const readOnly = read.flag('cache.read');
  const bucketMaxSize = read.integer('cache.bucketMaxSize', 1, MAX_CACHE_BUCKET_SIZE);
  const seed = read.text('cache.seed');
  const ignoreKeys = read
    .ascii('cache.ignoreKeys')
    ?.split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (!enabled && !save && !readOnly) return undefined;
  const cache: HeliconeCacheOptions = { enabled };
  if (save) cache.save = true;
  if (readOnly) cache.read = true;
  const maxAge = cacheControl === undefined ? undefined : readMaxAge(cacheControl);
  if (maxAge !== undefined) cache.maxAge = maxAge;
  if (bucketMaxSize !== undefined) cache.bucketMaxSize = bucketMaxSize;
  if (seed !== undefined) cache.seed = seed;
  if (ignoreKeys !== undefined && ignoreKeys.length > 0) cache.ignoreKeys = ignoreKeys;
  return cache;
}

function readRetry(read: Reader): HeliconeRetryOptions | undefined {
  const enabled = read.flag('retry.enabled');
  const retry: HeliconeRetryOptions = { enabled: true };
  const num = read.integer('retry.num', 0, MAX_RETRY_NUM);
  const factor = read.decimal('retry.factor');
  const minTimeout = read.integer('retry.minTimeout', 0, MAX_RETRY_TIMEOUT_MS);
  const maxTimeout = read.integer('retry.maxTimeout', 0, MAX_RETRY_TIMEOUT_MS);
  // Retries are off unless Helicone-Retry-Enabled is true; the other retry headers alone do nothing.
  if (!enabled) return undefined;
  if (num !== undefined) retry.num = num;
  if (factor !== undefined) retry.factor = factor;
  if (minTimeout !== undefined) retry.minTimeout = minTimeout;
  if (maxTimeout !== undefined) retry.maxTimeout = maxTimeout;
  return retry;
}
