import { formatRateLimitPolicy } from './format-rate-limit-policy';
import { HELICONE_PROPERTY_PREFIX, HELICONE_REQUEST_HEADERS as H } from './header-names';
import {
  checkAsciiHeaderValue,
  checkPropertyName,
  encodeHeaderValue,
  headerValueError,
  type HeaderField,
} from './header-value';
import { describePropertyField } from './describe-property-field';
import {
  MAX_CACHE_BUCKET_SIZE,
  MAX_CACHE_MAX_AGE_SECONDS,
  MAX_RETRY_NUM,
  MAX_RETRY_TIMEOUT_MS,
  TOKEN_LIMIT_EXCEPTION_HANDLERS,
  type HeliconeOptions,
} from './helicone-options';
import { parseRateLimitPolicy } from './parse-rate-limit-policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DECIMAL = /^\d+(\.\d+)?$/;

function readBoolean(value: unknown, where: HeaderField): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw headerValueError(where, 'must be a boolean.');
  return value;
}

function formatInteger(value: unknown, where: HeaderField, min: number, max: number): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw headerValueError(where, `must be an integer from ${min} to ${max}.`);
  }
  return String(value);
}

function formatObject<T extends object>(value: unknown, where: HeaderField): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw headerValueError(where, 'must be a boolean or an object.');
  }
  return value as T;
}

/**
 * Turns typed options into `Helicone-*` request headers with canonical names. Booleans are sent only when true
 * (as `"true"`); free-text values are trimmed and, when not printable ASCII, written as `UTF-8''<percent-encoded>`.
 *
 * @throws HeaderValueError naming the field, for any value that could not be sent as it is meant.
 */
export function toHeliconeHeaders(options: HeliconeOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options === undefined || options === null) return headers;
  if (typeof options !== 'object') {
    throw headerValueError({ field: 'options', header: 'Helicone-*' }, 'must be an object.');
  }
  const text = (value: unknown, field: string, header: string) => {
    if (value !== undefined) headers[header] = encodeHeaderValue(value, { field, header });
  };
  const flag = (value: unknown, field: string, header: string) => {
    if (readBoolean(value, { field, header })) headers[header] = 'true';
  };

  if (options.properties !== undefined) {
    const where = { field: 'properties', header: `${HELICONE_PROPERTY_PREFIX}*` };
    const properties = formatObject<Record<string, unknown>>(options.properties, where);
    const seen = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
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
      text(value, field, header);
    }
  }

  text(options.userId, 'userId', H.userId);
  if (options.session !== undefined) {
    const session = formatObject<NonNullable<HeliconeOptions['session']>>(options.session, {
      field: 'session',
      header: 'Helicone-Session-*',
    });
    text(session.id, 'session.id', H.sessionId);
    text(session.path, 'session.path', H.sessionPath);
    text(session.name, 'session.name', H.sessionName);
  }
  text(options.promptId, 'promptId', H.promptId);
  if (options.requestId !== undefined) {
    const where = { field: 'requestId', header: H.requestId };
    if (typeof options.requestId !== 'string' || !UUID.test(options.requestId)) {
      throw headerValueError(where, 'must be a UUID (the gateway would silently replace anything else).');
    }
    headers[H.requestId] = options.requestId;
  }

  writeCache(options.cache, headers);
  writeRetry(options.retry, headers);

  if (options.rateLimitPolicy !== undefined) {
    const policy =
      typeof options.rateLimitPolicy === 'string'
        ? parseRateLimitPolicy(options.rateLimitPolicy)
        : options.rateLimitPolicy;
    headers[H.rateLimitPolicy] = formatRateLimitPolicy(policy);
  }

  flag(options.omitRequest, 'omitRequest', H.omitRequest);
  flag(options.omitResponse, 'omitResponse', H.omitResponse);
  flag(options.moderations, 'moderations', H.moderationsEnabled);

  const security = options.llmSecurity;
  if (security !== undefined && security !== false) {
    headers[H.llmSecurityEnabled] = 'true';
    if (security !== true) {
      const where = { field: 'llmSecurity.advanced', header: H.llmSecurityAdvanced };
      flag(
        formatObject<{ advanced?: boolean }>(security, { ...where, field: 'llmSecurity' }).advanced,
        where.field,
        where.header,
      );
    }
  }

  const handler = options.tokenLimitExceptionHandler;
  if (handler !== undefined) {
    if (!TOKEN_LIMIT_EXCEPTION_HANDLERS.includes(handler)) {
      throw headerValueError(
        { field: 'tokenLimitExceptionHandler', header: H.tokenLimitExceptionHandler },
        `must be one of ${TOKEN_LIMIT_EXCEPTION_HANDLERS.join(', ')}.`,
      );
    }
    headers[H.tokenLimitExceptionHandler] = handler;
  }
  return headers;
}

function writeCache(cache: HeliconeOptions['cache'], headers: Record<string, string>): void {
  if (cache === undefined || cache === false) return;
  const options =
    cache === true
      ? {}
      : formatObject<Exclude<typeof cache, boolean>>(cache, {
          field: 'cache',
          header: 'Helicone-Cache-*',
        });
  const save = readBoolean(options.save, { field: 'cache.save', header: H.cacheSave });
  const read = readBoolean(options.read, { field: 'cache.read', header: H.cacheRead });
  const enabled =
    options.enabled === undefined
      ? !(save || read)
      : readBoolean(options.enabled, { field: 'cache.enabled', header: H.cacheEnabled });
  // Without a switch on, the other cache headers mean nothing to the gateway.
  if (!enabled && !save && !read) return;
  if (enabled) headers[H.cacheEnabled] = 'true';
  if (save) headers[H.cacheSave] = 'true';
  if (read) headers[H.cacheRead] = 'true';
  if (options.maxAge !== undefined) {
    const where = { field: 'cache.maxAge', header: H.cacheControl };
    headers[H.cacheControl] = `max-age=${formatInteger(options.maxAge, where, 0, MAX_CACHE_MAX_AGE_SECONDS)}`;
  }
  if (options.bucketMaxSize !== undefined) {
    const where = { field: 'cache.bucketMaxSize', header: H.cacheBucketMaxSize };
    headers[H.cacheBucketMaxSize] = formatInteger(options.bucketMaxSize, where, 1, MAX_CACHE_BUCKET_SIZE);
  }
  if (options.seed !== undefined) {
    headers[H.cacheSeed] = encodeHeaderValue(options.seed, { field: 'cache.seed', header: H.cacheSeed });
  }
  if (options.ignoreKeys !== undefined) {
    const where = { field: 'cache.ignoreKeys', header: H.cacheIgnoreKeys };
    if (!Array.isArray(options.ignoreKeys)) throw headerValueError(where, 'must be an array of strings.');
    const keys = options.ignoreKeys.map((key: unknown, index) => {
      const at = { field: `cache.ignoreKeys[${index}]`, header: H.cacheIgnoreKeys };
      if (typeof key !== 'string') throw headerValueError(at, 'must be a string.');
      const checked = checkAsciiHeaderValue(key, at);
      if (checked === '' || checked.includes(',')) {
        throw headerValueError(at, 'must be a non-empty JSON key without a comma.');
      }
      return checked;
    });
    if (keys.length > 0) headers[H.cacheIgnoreKeys] = checkAsciiHeaderValue(keys.join(','), where);
  }
}

function writeRetry(retry: HeliconeOptions['retry'], headers: Record<string, string>): void {
  if (retry === undefined || retry === false) return;
  const options =
    retry === true
      ? {}
      : formatObject<Exclude<typeof retry, boolean>>(retry, {
          field: 'retry',
          header: 'Helicone-Retry-*',
        });
  if (options.enabled !== undefined) {
    if (!readBoolean(options.enabled, { field: 'retry.enabled', header: H.retryEnabled })) return;
  }
  headers[H.retryEnabled] = 'true';
  if (options.num !== undefined) {
    headers[H.retryNum] = formatInteger(
      options.num,
      { field: 'retry.num', header: H.retryNum },
      0,
      MAX_RETRY_NUM,
    );
  }
  if (options.factor !== undefined) {
    const where = { field: 'retry.factor', header: H.retryFactor };
    const written = typeof options.factor === 'number' ? String(options.factor) : '';
    if (!DECIMAL.test(written) || options.factor <= 0) {
      throw headerValueError(where, 'must be a number greater than 0, written without an exponent.');
    }
    headers[H.retryFactor] = written;
  }
  if (options.minTimeout !== undefined) {
    const where = { field: 'retry.minTimeout', header: H.retryMinTimeout };
    headers[H.retryMinTimeout] = formatInteger(options.minTimeout, where, 0, MAX_RETRY_TIMEOUT_MS);
  }
  if (options.maxTimeout !== undefined) {
    const where = { field: 'retry.maxTimeout', header: H.retryMaxTimeout };
    headers[H.retryMaxTimeout] = formatInteger(options.maxTimeout, where, 0, MAX_RETRY_TIMEOUT_MS);
  }
}
