import { HeaderValueError, toHeliconeHeaders, type HeliconeOptions } from '@helicone-kit/core';
import { budgetProblem } from '../budgets/budget-policy';
import { toOriginAllowed, type OriginAllowed } from '../cors/origin-policy';
import { resolveClientMay, type ResolvedClientMay } from '../headers/client-may';
import { compileModelPatterns, createModelAllowList, type ModelAllowList } from '../models/model-allow-list';
import { normalizeBasePath } from '../routing/match-route';
import { createRedactor, type Redact } from '../secrets/redactor';
import type { Authorize, AuthorizeFeedback, Budgets, Logger, OperationTarget } from './handler-options';
import { HandlerOptionsError } from './handler-options-error';
import type { HeliconeHandlerOptions } from './helicone-handler-options';
import { normalizeApiBaseURL, normalizeOpenAIBaseURL } from './normalize-base-url';
import { readEnvironment } from './read-environment';

export const DEFAULT_BASE_URL = 'https://ai-gateway.helicone.ai/v1';
export const DEFAULT_API_BASE_URL = 'https://api.helicone.ai';
export const EU_API_BASE_URL = 'https://eu.api.helicone.ai';
/** Helicone's EU keys are `sk-helicone-eu-…` (or `pk-helicone-eu-…`); a bare `eu-…` counts too. */
const EU_KEY = /^(?:[sp]k-helicone-)?eu-/;
export const DEFAULT_BASE_PATH = '/api/helicone';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_MESSAGES = 1000;
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 300_000;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CHOICES = 8;

/** Where one operation is sent, and how it authenticates. */
export type ResolvedTarget = { baseURL: string; providerApiKey: string | undefined };

export type ResolvedOptions = {
  apiKey: string;
  apiBaseURL: string;
  basePath: string;
  targets: { chat: ResolvedTarget; completions?: ResolvedTarget; embeddings?: ResolvedTarget };
  allowList: ModelAllowList;
  authorize: Authorize | undefined;
  authorizeFeedback: AuthorizeFeedback | undefined;
  defaults: HeliconeOptions;
  clientMay: ResolvedClientMay;
  budgets: Budgets | undefined;
  maxBodyBytes: number;
  maxMessages: number;
  maxChoices: number;
  firstByteTimeoutMs: number;
  bodyTimeoutMs: number;
  originAllowed: OriginAllowed;
  /** The `fetch` option, when given: it wins over a runtime adapter's. */
  explicitFetch: typeof fetch | undefined;
  fetch: typeof fetch;
  logger: Logger;
  redact: Redact;
};

// Visible ASCII only: the key travels in an HTTP header.
const API_KEY = /^[\x21-\x7e]+$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function checkKey(option: string, key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new HandlerOptionsError(option, 'is missing: pass it, or set HELICONE_API_KEY on the server.');
  }
  if (!API_KEY.test(key)) {
    throw new HandlerOptionsError(option, 'must be printable ASCII with no spaces (it is sent in a header).');
  }
}

function positiveInteger(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new HandlerOptionsError(option, 'must be a whole number greater than 0.');
  }
  return value;
}

function resolveTarget(
  option: string,
  target: OperationTarget | false | undefined,
  fallback: ResolvedTarget,
): ResolvedTarget | undefined {
  if (target === false) return undefined;
  if (target === undefined) return fallback;
  if (typeof target !== 'object' || target === null || typeof target.baseURL !== 'string') {
    throw new HandlerOptionsError(option, 'must be { baseURL, providerApiKey? } or false.');
  }
  if (target.providerApiKey !== undefined) checkKey(`${option}.providerApiKey`, target.providerApiKey);
  return {
    baseURL: normalizeOpenAIBaseURL(`${option}.baseURL`, target.baseURL),
    providerApiKey: target.providerApiKey,
  };
}

function checkDefaults(defaults: HeliconeOptions): void {
  if (defaults.userId !== undefined) {
    throw new HandlerOptionsError('defaults.userId', 'cannot be set: only `authorize` sets the user id.');
  }
  if (defaults.requestId !== undefined) {
    throw new HandlerOptionsError('defaults.requestId', 'cannot be set: every call gets its own request id.');
  }
  try {
    toHeliconeHeaders(defaults);
  } catch (error) {
    if (HeaderValueError.isInstance(error))
      throw new HandlerOptionsError('defaults', `is invalid: ${error.message}`);
    throw error;
  }
}

function checkOrigins(allowedOrigins: HeliconeHandlerOptions['allowedOrigins']): void {
  if (allowedOrigins === undefined || typeof allowedOrigins === 'function') return;
  if (!Array.isArray(allowedOrigins)) {
    throw new HandlerOptionsError('allowedOrigins', 'must be an array of origins or a function.');
  }
  for (const origin of allowedOrigins as readonly unknown[]) {
    if (typeof origin !== 'string')
      throw new HandlerOptionsError('allowedOrigins', 'must hold strings only.');
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin !== origin.replace(/\/$/, '').toLowerCase()) {
      throw new HandlerOptionsError(
        'allowedOrigins',
        `has ${JSON.stringify(origin)}, which is not an origin like "https://app.example.com".`,
      );
    }
  }
}

/** Fills the defaults and checks everything that can be checked before the first request. */
export function resolveOptions(options: HeliconeHandlerOptions = {}): ResolvedOptions {
  const apiKey = options.apiKey ?? readEnvironment('HELICONE_API_KEY');
  checkKey('apiKey', apiKey);

  const baseURL = normalizeOpenAIBaseURL(
    'baseURL',
    options.baseURL ?? readEnvironment('HELICONE_BASE_URL') ?? DEFAULT_BASE_URL,
  );
  const apiBaseURL = normalizeApiBaseURL(
    'apiBaseURL',
    options.apiBaseURL ??
      readEnvironment('HELICONE_API_BASE') ??
      (EU_KEY.test(apiKey) ? EU_API_BASE_URL : DEFAULT_API_BASE_URL),
  );
  const chat: ResolvedTarget = { baseURL, providerApiKey: undefined };
  const targets: ResolvedOptions['targets'] = { chat };
  const completions = resolveTarget('operations.completions', options.operations?.completions, chat);
  if (completions) targets.completions = completions;
  const embeddings = resolveTarget('operations.embeddings', options.operations?.embeddings, chat);
  if (embeddings) targets.embeddings = embeddings;

  let patterns;
  if (options.models !== undefined) {
    if (!Array.isArray(options.models))
      throw new HandlerOptionsError('models', 'must be an array of strings.');
    patterns = compileModelPatterns(options.models);
    if (typeof patterns === 'string') throw new HandlerOptionsError('models', `has ${patterns}.`);
  }

  const defaults = options.defaults ?? {};
  checkDefaults(defaults);

  const clientMay = resolveClientMay(options.clientMay);
  if (clientMay.properties !== '*') {
    for (const name of clientMay.properties) {
      if (!TOKEN.test(name)) {
        throw new HandlerOptionsError(
          'clientMay.properties',
          `has ${JSON.stringify(name)}, not an HTTP token.`,
        );
      }
    }
  }

  const { budgets, authorize } = options;
  if (authorize !== undefined && typeof authorize !== 'function') {
    throw new HandlerOptionsError('authorize', 'must be a function.');
  }
  const { authorizeFeedback } = options;
  if (authorizeFeedback !== undefined && typeof authorizeFeedback !== 'function') {
    throw new HandlerOptionsError('authorizeFeedback', 'must be a function.');
  }
  if (budgets !== undefined) {
    if (defaults.rateLimitPolicy !== undefined) {
      throw new HandlerOptionsError(
        'budgets',
        'cannot be combined with defaults.rateLimitPolicy: a request carries one Helicone-RateLimit-Policy.',
      );
    }
    if (authorize === undefined) {
      throw new HandlerOptionsError(
        'budgets',
        'needs `authorize` returning a user id: budgets are enforced per Helicone-User-Id.',
      );
    }
    if (typeof budgets !== 'function') {
      const problem = budgetProblem(budgets);
      if (problem !== undefined) throw new HandlerOptionsError('budgets', problem);
    }
  }

  checkOrigins(options.allowedOrigins);
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  if (typeof fetchImplementation !== 'function') {
    throw new HandlerOptionsError('fetch', 'is missing and this runtime has no global fetch.');
  }

  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  return {
    apiKey,
    apiBaseURL,
    basePath,
    targets,
    allowList: createModelAllowList(patterns),
    authorize,
    authorizeFeedback,
    defaults,
    clientMay,
    budgets,
    maxBodyBytes: positiveInteger(
      'limits.maxBodyBytes',
      options.limits?.maxBodyBytes,
      DEFAULT_MAX_BODY_BYTES,
    ),
    maxMessages: positiveInteger('limits.maxMessages', options.limits?.maxMessages, DEFAULT_MAX_MESSAGES),
    maxChoices: positiveInteger('limits.maxChoices', options.limits?.maxChoices, DEFAULT_MAX_CHOICES),
    firstByteTimeoutMs: positiveInteger(
      'limits.firstByteTimeoutMs',
      options.limits?.firstByteTimeoutMs,
      DEFAULT_FIRST_BYTE_TIMEOUT_MS,
    ),
    bodyTimeoutMs: positiveInteger(
      'limits.bodyTimeoutMs',
      options.limits?.bodyTimeoutMs,
      DEFAULT_BODY_TIMEOUT_MS,
    ),
    originAllowed: toOriginAllowed(options.allowedOrigins),
    explicitFetch: options.fetch,
    fetch: fetchImplementation,
    logger: options.logger ?? console,
    redact: createRedactor([
      apiKey,
      options.operations?.completions ? options.operations.completions.providerApiKey : undefined,
      options.operations?.embeddings ? options.operations.embeddings.providerApiKey : undefined,
    ]),
  };
}
