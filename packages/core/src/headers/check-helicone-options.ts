import { DECIMAL } from '../internal/decimal';
import { isRecord } from '../internal/is-record';
import { describePropertyField } from './describe-property-field';
import { heliconeFieldValues } from './field-values';
import { formatRateLimitPolicy } from './format-rate-limit-policy';
import { canonicalHeaderName, HELICONE_PROPERTY_PREFIX } from './header-names';
import {
  checkAsciiHeaderValue,
  checkPropertyName,
  encodeHeaderValue,
  headerValueError,
  type HeaderField,
} from './header-value';
import { checkedFields, UUID, type FieldKind } from './field-checks';
import { headerOf } from './helicone-fields';
import { TOKEN_LIMIT_EXCEPTION_HANDLERS, type HeliconeOptions } from './helicone-options';
import { parseRateLimitPolicy } from './parse-rate-limit-policy';
import type { RateLimitPolicy } from './rate-limit-policy';

function checkObject(value: unknown, where: HeaderField, reason: string): void {
  if (!isRecord(value)) throw headerValueError(where, reason);
}

function checkProperties(value: unknown): void {
  checkObject(
    value,
    { field: 'properties', header: `${HELICONE_PROPERTY_PREFIX}*` },
    'must be an object of property names and string values.',
  );
  const seen = new Set<string>();
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
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
    if (text !== undefined) encodeHeaderValue(text, { field, header });
  }
}

function checkGroups(options: HeliconeOptions): void {
  if (options.session !== undefined) {
    checkObject(options.session, { field: 'session', header: 'Helicone-Session-*' }, 'must be an object.');
  }
  const groups = [
    ['cache', 'Helicone-Cache-*'],
    ['retry', 'Helicone-Retry-*'],
    ['llmSecurity', 'Helicone-LLM-Security-*'],
  ] as const;
  for (const [name, header] of groups) {
    const value = options[name];
    if (typeof value !== 'boolean' && value !== undefined) {
      checkObject(value, { field: name, header }, 'must be a boolean or an object.');
    }
  }
}

function checkInteger(value: unknown, where: HeaderField, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw headerValueError(where, `must be an integer from ${min} to ${max}.`);
  }
}

function checkKeys(value: unknown, where: HeaderField): void {
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
  checkAsciiHeaderValue(keys.join(','), where);
}

function checkField(value: unknown, where: HeaderField, kind: FieldKind, min = 0, max = 0): void {
  switch (kind) {
    case 'text':
      encodeHeaderValue(value, where);
      return;
    case 'flag':
      if (typeof value !== 'boolean') throw headerValueError(where, 'must be a boolean.');
      return;
    case 'integer':
    case 'max-age':
      checkInteger(value, where, min, max);
      return;
    case 'decimal':
      if (typeof value !== 'number' || !DECIMAL.test(String(value)) || !(value > 0)) {
        throw headerValueError(where, 'must be a number greater than 0, written without an exponent.');
      }
      return;
    case 'uuid':
      if (typeof value !== 'string' || !UUID.test(value)) {
        throw headerValueError(where, 'must be a UUID (the gateway would silently replace anything else).');
      }
      return;
    case 'keys':
      checkKeys(value, where);
      return;
    case 'policy':
      // A string must follow the gateway's grammar; an object must be in range.
      if (typeof value === 'string') parseRateLimitPolicy(value);
      else formatRateLimitPolicy(value as RateLimitPolicy);
      return;
    case 'handler':
      if (!TOKEN_LIMIT_EXCEPTION_HANDLERS.includes(value as never)) {
        throw headerValueError(where, `must be one of ${TOKEN_LIMIT_EXCEPTION_HANDLERS.join(', ')}.`);
      }
  }
}

/**
 * Checks every value of `options` as `toHeliconeHeaders` needs it, and gives the options with a policy string
 * parsed (so it is written in the gateway's normalized form).
 *
 * @throws HeaderValueError naming the field, for any value that could not be sent as it is meant.
 */
export function checkHeliconeOptions(options: HeliconeOptions): HeliconeOptions {
  if (typeof options !== 'object') {
    throw headerValueError({ field: 'options', header: 'Helicone-*' }, 'must be an object.');
  }
  if (options.properties !== undefined) checkProperties(options.properties);
  checkGroups(options);
  const values = heliconeFieldValues(options);
  for (const [path, kind, min, max] of checkedFields()) {
    const value = values[path];
    const header = canonicalHeaderName(headerOf(path));
    if (value !== undefined) checkField(value, { field: path, header }, kind, min, max);
  }
  const policy = options.rateLimitPolicy;
  return typeof policy === 'string' ? { ...options, rateLimitPolicy: parseRateLimitPolicy(policy) } : options;
}
