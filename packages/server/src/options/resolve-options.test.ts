import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHeliconeHandler } from '../create-helicone-handler';
import { HandlerOptionsError } from './handler-options-error';
import type { HeliconeHandlerOptions } from './helicone-handler-options';
import { resolveOptions } from './resolve-options';

const apiKey = 'sk-helicone-options-0123456789';

function creationError(run: () => unknown): HandlerOptionsError {
  try {
    run();
  } catch (error) {
    expect(HandlerOptionsError.isInstance(error)).toBe(true);
    return error as HandlerOptionsError;
  }
  throw new Error('expected a HandlerOptionsError');
}

afterEach(() => vi.unstubAllEnvs());

describe('options checked at creation', () => {
  it('a missing key is an error when the handler is created', () => {
    vi.stubEnv('HELICONE_API_KEY', '');
    const error = creationError(() => createHeliconeHandler());
    expect(error.option).toBe('apiKey');
    expect(error.message).toMatch(/HELICONE_API_KEY/);
  });

  it('reads HELICONE_API_KEY, HELICONE_BASE_URL and HELICONE_API_BASE', () => {
    vi.stubEnv('HELICONE_API_KEY', apiKey);
    vi.stubEnv('HELICONE_BASE_URL', 'http://127.0.0.1:8787');
    vi.stubEnv('HELICONE_API_BASE', 'http://127.0.0.1:8788/');
    const resolved = resolveOptions();
    expect(resolved.apiKey).toBe(apiKey);
    expect(resolved.targets.chat.baseURL).toBe('http://127.0.0.1:8787/v1');
    expect(resolved.apiBaseURL).toBe('http://127.0.0.1:8788');
  });

  it('defaults to the cloud gateway and API, and the EU API for an EU key (sk-helicone-eu-…)', () => {
    vi.stubEnv('HELICONE_BASE_URL', '');
    vi.stubEnv('HELICONE_API_BASE', '');
    expect(resolveOptions({ apiKey }).targets.chat.baseURL).toBe('https://ai-gateway.helicone.ai/v1');
    expect(resolveOptions({ apiKey }).apiBaseURL).toBe('https://api.helicone.ai');
    const apiOf = (key: string) => resolveOptions({ apiKey: key }).apiBaseURL;
    // Helicone's EU keys are `sk-helicone-eu-…` (and `pk-helicone-eu-…`); a bare `eu-` prefix is read the same way.
    expect(apiOf('sk-helicone-eu-0123456789abcdef')).toBe('https://eu.api.helicone.ai');
    expect(apiOf('pk-helicone-eu-0123456789abcdef')).toBe('https://eu.api.helicone.ai');
    expect(apiOf('eu-0123456789abcdef')).toBe('https://eu.api.helicone.ai');
    expect(apiOf('sk-helicone-0123456789abcdef')).toBe('https://api.helicone.ai');
    expect(apiOf('sk-helicone-europe-0123456789')).toBe('https://api.helicone.ai');
    expect(apiOf('xsk-helicone-eu-0123456789')).toBe('https://api.helicone.ai');
    expect(resolveOptions({ apiKey }).basePath).toBe('/api/helicone');
  });

  it('a base URL with or without /v1 works the same', () => {
    for (const baseURL of [
      'https://gw.test',
      'https://gw.test/',
      'https://gw.test/v1',
      'https://gw.test/v1/',
    ]) {
      expect(resolveOptions({ apiKey, baseURL }).targets.chat.baseURL).toBe('https://gw.test/v1');
    }
    expect(resolveOptions({ apiKey, apiBaseURL: 'https://api.test/v1' }).apiBaseURL).toBe('https://api.test');
  });

  it.each<[HeliconeHandlerOptions, string]>([
    [{ apiKey: 'has space' }, 'apiKey'],
    [{ apiKey: 'line\nbreak' }, 'apiKey'],
    [{ baseURL: 'not a url' }, 'baseURL'],
    [{ baseURL: 'ftp://gw.test' }, 'baseURL'],
    [{ apiBaseURL: 'https://api.test/?x=1' }, 'apiBaseURL'],
    [{ models: ['gpt 4o'] }, 'models'],
    [{ models: ['a/b/c/d'] }, 'models'],
    [{ limits: { maxBodyBytes: 0 } }, 'limits.maxBodyBytes'],
    [{ limits: { maxMessages: 1.5 } }, 'limits.maxMessages'],
    [{ limits: { firstByteTimeoutMs: -1 } }, 'limits.firstByteTimeoutMs'],
    [{ limits: { bodyTimeoutMs: 0 } }, 'limits.bodyTimeoutMs'],
    [{ limits: { maxChoices: 2.5 } }, 'limits.maxChoices'],
    [{ authorizeFeedback: 'yes' as unknown as () => boolean }, 'authorizeFeedback'],
    [{ allowedOrigins: ['https://app.test/path'] }, 'allowedOrigins'],
    [{ allowedOrigins: ['*'] }, 'allowedOrigins'],
    [{ defaults: { properties: { Plan: 'a\r\nb' } } }, 'defaults'],
    [{ defaults: { userId: 'everyone' } }, 'defaults.userId'],
    [{ clientMay: { properties: ['bad name'] } }, 'clientMay.properties'],
    [{ operations: { embeddings: { baseURL: 'nope' } } }, 'operations.embeddings.baseURL'],
    [{ budgets: { cents: 100, windowSeconds: 3600 } }, 'budgets'],
    [
      {
        budgets: { cents: 100, windowSeconds: 3600 },
        authorize: () => undefined,
        defaults: { rateLimitPolicy: '10;w=60' },
      },
      'budgets',
    ],
    [{ budgets: { cents: 0, windowSeconds: 3600 }, authorize: () => undefined }, 'budgets'],
    [{ budgets: { cents: 100, windowSeconds: 30 }, authorize: () => undefined }, 'budgets'],
  ])('%j is refused at creation', (options, option) => {
    const error = creationError(() => createHeliconeHandler({ apiKey, ...options }));
    expect(error.option).toBe(option);
  });

  it('never repeats the key or a URL that may carry it', () => {
    const secret = 'sk-helicone-very-secret-key-0001';
    const errors = [
      creationError(() => createHeliconeHandler({ apiKey: `${secret} ` })),
      creationError(() =>
        createHeliconeHandler({ apiKey: secret, baseURL: `gateway.helicone.ai/${secret}/v1` }),
      ),
    ];
    for (const error of errors) expect(error.message).not.toContain(secret);
  });
});
