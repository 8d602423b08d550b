import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

const modelArbitrary = fc.oneof(
  fc.constantFrom(
    'gpt-4o-mini',
    'claude-3.5-haiku/anthropic',
    'helicone/gpt-4o',
    'x/y/z/w',
    '!openai',
    'gpt-4o,,',
    '',
  ),
  fc.string({ maxLength: 30 }),
  fc.anything(),
);
const headerValue = fc.oneof(
  fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\t\x20-\x7e]/g, '')),
  fc.constantFrom(
    'true',
    'TRUE',
    'false',
    '0',
    '1',
    '20',
    '21',
    '-1',
    '1.5',
    '3;w=60',
    '1;w=60;u=cents;s=user',
  ),
);
const headerName = fc.constantFrom(
  'helicone-cache-enabled',
  'helicone-cache-bucket-max-size',
  'helicone-retry-enabled',
  'helicone-retry-num',
  'helicone-retry-factor',
  'helicone-ratelimit-policy',
  'helicone-request-id',
  'helicone-user-id',
  'helicone-property-x',
  'helicone-session-path',
  'cache-control',
);

describe('bad input never crashes the gateway', () => {
  it('answers random bodies and headers with a status, never a 5xx of its own, and never echoes the key', async () => {
    const { gateway, post, rows, warnings } = await startTestGateway({
      apiKey: 'sk-helicone-local-hostile',
      timeScale: 0.0001,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            model: modelArbitrary,
            messages: fc.oneof(
              fc.constant([{ role: 'user', content: 'hi' }]),
              fc.array(
                fc.dictionary(fc.constantFrom('role', 'content', 'name', 'tool_calls'), fc.anything()),
                { maxLength: 3 },
              ),
              fc.anything(),
            ),
            stream: fc.oneof(fc.boolean(), fc.anything()),
            max_tokens: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.anything()),
            n: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.anything()),
            stop: fc.anything(),
            tools: fc.anything(),
            response_format: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
        fc.constantFrom('/v1/chat/completions', '/v1/completions', '/v1/embeddings', '/anything'),
        async (body, headers, path) => {
          const response = await post(path, body, headers);
          const text = await response.text();
          const bucket = Number(headers['helicone-cache-bucket-max-size']);
          const cacheOn = headers['helicone-cache-enabled']?.toLowerCase() === 'true';
          // The one 5xx the real gateway gives for a client's input: a cache bucket above 20.
          if (response.status >= 500) expect(cacheOn && bucket > 20).toBe(true);
          expect(text).not.toContain(gateway.apiKey);
        },
      ),
      { numRuns: 300 },
    );
    expect((await post('/v1/chat/completions', chatBody('still alive'))).status).toBe(200);
    expect(gateway.stats().openRequests).toBe(0);
    expect(JSON.stringify(rows())).not.toContain(gateway.apiKey);
    expect(JSON.stringify(warnings)).not.toContain(gateway.apiKey);
  });

  it('refuses n outside 1..128 and more than 2048 embedding inputs, instead of working on them', async () => {
    const { post } = await startTestGateway();
    for (const n of [0, 129, 1e6, 1.5, '2']) {
      const response = await post('/v1/chat/completions', chatBody('x', { n }));
      expect(response.status).toBe(400);
      expect(await response.text()).toBe("Invalid 'n': must be an integer from 1 to 128.");
    }
    const embeddings = await post('/v1/embeddings', {
      model: 'text-embedding-3-small',
      input: Array.from({ length: 2049 }, () => 'a'),
    });
    expect(embeddings.status).toBe(400);
  });

  it('refuses a body over 10 MiB with 413', async () => {
    const { post } = await startTestGateway();
    const response = await post('/v1/chat/completions', chatBody('x'.repeat(11 * 1024 * 1024)));
    expect(response.status).toBe(413);
  });
});
