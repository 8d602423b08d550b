import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHeliconeHandler } from '../create-helicone-handler';
import { captureLog, readChecked } from './support/no-secret';
import { jsonReply, recordingUpstream } from './support/recording-upstream';
import { TEST_KEY } from './support/test-route';

const paths = [
  '/api/helicone/chat/completions',
  '/api/helicone/v1/chat/completions',
  '/api/helicone/completions',
  '/api/helicone/embeddings',
  '/api/helicone/models',
  '/api/helicone/feedback',
  '/api/helicone/../helicone/chat/completions',
  '/api/helicone/%2e%2e/x',
  '/api/helicone//chat//completions',
  '/api/helicone/chat/completions?x=1&model=evil',
  '/',
];

const hostileModel = fc.oneof(
  fc.constantFrom(
    'gpt-4o-mini',
    'helicone/gpt-4o-mini/openai,claude-3-5-sonnet-20241022/anthropic',
    'helicone/',
    'gpt-4o\r\nX-Injected: 1',
    '!,!,!',
    'a/b/c/d/e',
    '../../etc/passwd',
    '\u0000',
    'x'.repeat(10_000),
    'gpt-4o:online/openai/dep/extra',
  ),
  fc.string({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const message = fc.oneof(
  fc.record({
    role: fc.constantFrom('user', 'system', 'assistant', 'tool', 'developer'),
    content: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 })),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

const body = fc.oneof(
  // Chat-shaped bodies with hostile fields.
  fc
    .record(
      {
        model: hostileModel,
        messages: fc.oneof(fc.array(message, { maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
        stream: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
        user: fc.oneof(fc.string(), fc.constant('alice\r\nHelicone-User-Id: admin')),
        n: fc.oneof(fc.integer(), fc.double()),
        prompt_id: fc.string(),
        inputs: fc.jsonValue({ maxDepth: 2 }),
        input: fc.oneof(fc.string(), fc.array(fc.integer())),
        requestId: fc.oneof(fc.uuid(), fc.string()),
        rating: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 8 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }),
  // Huge bodies, over and under the limit.
  fc
    .constantFrom(1_048_577, 2_000_000, 900_000)
    .map((size) =>
      JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(size) }] }),
    ),
  fc.constant(''),
  // Deep nesting inside an otherwise valid body: past the route's 128 levels, JSON.stringify would overflow.
  fc
    .record({
      depth: fc.oneof(fc.integer({ min: 120, max: 140 }), fc.constantFrom(1_000, 10_000, 30_000)),
      open: fc.constantFrom('[', '{"a":', '[{"a":'),
      where: fc.constantFrom('x', 'messages', 'model'),
    })
    .map(({ depth, open, where }) => {
      const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
      const levels = Math.ceil(depth / (open === '[{"a":' ? 2 : 1));
      const nested = `${open.repeat(levels)}1${close.repeat(levels)}`;
      const fields: Record<string, string> = {
        model: '"gpt-4o-mini"',
        messages: '[{"role":"user","content":"x"}]',
      };
      fields[where] = where === 'messages' ? `[{"role":"user","content":${nested}}]` : nested;
      return `{${Object.entries(fields)
        .map(([name, value]) => `"${name}":${value}`)
        .join(',')}}`;
    }),
  fc.constant(
    '{"__proto__":{"model":"gpt-4o"},"constructor":{"prototype":{"x":1}},"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}]}',
  ),
);

// Names a browser might send; values include control characters, CRLF (dropped by fetch's Headers), Latin-1.
const headerName = fc.oneof(
  fc.constantFrom(
    'helicone-property-plan',
    'helicone-property-',
    'helicone-property-a b',
    'helicone-user-id',
    'helicone-auth',
    'helicone-request-id',
    'helicone-session-id',
    'helicone-session-path',
    'helicone-cache-enabled',
    'helicone-cache-bucket-max-size',
    'helicone-retry-enabled',
    'helicone-retry-num',
    'helicone-retry-factor',
    'helicone-ratelimit-policy',
    'helicone-rate-limit-policy',
    'helicone-prompt-id',
    'helicone-target-url',
    'authorization',
    'cookie',
    'connection',
    'content-length',
    'transfer-encoding',
    'origin',
    'sec-fetch-site',
    'accept',
  ),
  fc.stringMatching(/^helicone-[a-z-]{1,30}$/),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'true',
    'false',
    '1000;w=60;u=cents;s=user',
    '10;w=5',
    'a\u0001b',
    "UTF-8''a%0D%0AX-Injected:%201",
    "UTF-8''%E0%A4%A",
    'caf\u00e9',
    'x'.repeat(5000),
    'null',
    'cross-site',
    'https://evil.test',
    '-1',
    'NaN',
  ),
  fc.string({
    unit: fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)),
    maxLength: 30,
  }),
);

const hostileRequest = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  path: fc.oneof(
    fc.constantFrom(...paths),
    fc.webPath().map((path) => `/api/helicone${path}`),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset=latin1',
    'text/plain',
    '',
    'application/merge-patch+json',
    'multipart/form-data',
  ),
  body,
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
});

type HostileRequest = typeof hostileRequest extends fc.Arbitrary<infer T> ? T : never;

function buildRequest(input: HostileRequest): Request | undefined {
  const headers = new Headers();
  try {
    if (input.contentType !== '') headers.set('content-type', input.contentType);
    for (const [name, value] of input.headers) headers.append(name, value);
  } catch {
    // Fetch's Headers refuses CR, LF, NUL and non-Latin-1: such a header cannot reach a Web-standard handler.
    return undefined;
  }
  const hasBody = input.method !== 'GET';
  try {
    return new Request(`https://app.example.com${input.path}`, {
      method: input.method,
      headers,
      ...(hasBody ? { body: input.body } : {}),
    });
  } catch {
    return undefined;
  }
}

describe('hostile requests (property)', () => {
  it('no 5xx from the route itself, an OpenAI-shaped body for every error, and never the key', async () => {
    const upstream = recordingUpstream(() =>
      jsonReply(200, { id: 'ok', object: 'chat.completion', choices: [] }),
    );
    const log = captureLog();
    const handler = createHeliconeHandler({
      apiKey: TEST_KEY,
      baseURL: 'https://gateway.test',
      apiBaseURL: 'https://api.test',
      fetch: upstream.fetch,
      logger: log.logger,
      models: ['gpt-4o-mini', 'claude-*/anthropic', 'text-embedding-3-*'],
      clientMay: { properties: '*', cache: true, retry: true, promptId: true, rateLimitPolicy: true },
      authorize: (request) => ({
        userId: request.headers.get('helicone-session-id') === 'x' ? 'x' : 'user-1',
      }),
      limits: { maxMessages: 5 },
    });
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (input) => {
        const request = buildRequest(input);
        if (request === undefined) return;
        sent += 1;
        const response = await handler(request);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = await readChecked(response, TEST_KEY);
        expect(response.status, `${input.method} ${input.path}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) {
          const parsed = JSON.parse(text);
          expect(Object.keys(parsed.error).sort()).toEqual(['code', 'message', 'param', 'type']);
        }
      }),
      { numRuns: 2600 },
    );
    expect(sent).toBeGreaterThanOrEqual(2000);
    // The run reaches every layer: forwarded calls, body and header checks, method and path checks.
    for (const status of [200, 400, 404, 405, 413, 415])
      expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
    expect(log.lines.filter((line) => line.includes('unexpected'))).toEqual([]);
    log.expectClean(TEST_KEY);
  }, 120_000);
});
