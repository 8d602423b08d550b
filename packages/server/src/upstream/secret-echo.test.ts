import { describe, expect, it } from 'vitest';
import { expectNoSecret } from '../__tests__/support/no-secret';
import { jsonReply } from '../__tests__/support/recording-upstream';
import { chatBody, TEST_KEY, testRoute } from '../__tests__/support/test-route';

// Neither key looks like `sk-helicone-…`, which core masks on its own.
const PROVIDER_KEY = 'openai-provider-key-9c8b7a6f5e4d3c2b';
const embeddingsTarget = { baseURL: 'https://oai.test/v1', providerApiKey: PROVIDER_KEY };
const embedding = { model: 'text-embedding-3-small', input: 'x' };

/** The key the call carried: the provider key when there is one, else the Helicone key. */
function sentKey(headers: Headers): string {
  return (headers.get('authorization') ?? '').replace(/^Bearer /, '');
}

/** Fails when `text` holds the key, or any 8 or more of its first characters. */
function expectNoKeyPart(text: string, key: string): void {
  expectNoSecret(text, key, 'the answer');
  expect(text).not.toContain(key.slice(0, 8));
}

describe('an upstream that echoes the key it was sent', () => {
  it.each([
    ['chat, Helicone key', '/api/helicone/chat/completions', chatBody(), TEST_KEY],
    ['embeddings, provider key', '/api/helicone/embeddings', embedding, PROVIDER_KEY],
  ])(
    '%s: a key that straddles the 1,000-character message cut leaves no prefix',
    async (_name, path, body, key) => {
      for (const before of [990, 995, 999]) {
        const route = testRoute({ operations: { embeddings: embeddingsTarget } }, (call) =>
          jsonReply(401, {
            error: { message: `${'x'.repeat(before)} ${sentKey(call.headers)} is not valid` },
          }),
        );
        const { response, text, json } = await route.post(path, body);
        expect(response.status).toBe(401);
        expectNoKeyPart(text, key);
        expect(json.error.message.startsWith('x'.repeat(before))).toBe(true);
      }
    },
  );

  it('a message the upstream cut itself, ending in the first part of a key, has that part redacted', async () => {
    const route = testRoute({ operations: { embeddings: embeddingsTarget } }, (call) =>
      jsonReply(400, { error: { message: `Invalid key: ${sentKey(call.headers).slice(0, 14)}...` } }),
    );
    const chat = await route.post('/api/helicone/chat/completions', chatBody());
    expectNoKeyPart(chat.text, TEST_KEY);
    expect(chat.json.error.message).toBe('Invalid key: [redacted]...');
    const embedded = await route.post('/api/helicone/embeddings', embedding);
    expectNoKeyPart(embedded.text, PROVIDER_KEY);
    expect(embedded.json.error.message).toBe('Invalid key: [redacted]...');
  });

  it('a JSON-escaped key in the body is redacted after parsing', async () => {
    const route = testRoute({}, (call) => {
      const escaped = [...sentKey(call.headers)].map(
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      return new Response(`{"error":{"message":"bad key ${escaped.join('')}","code":"x"}}`, { status: 401 });
    });
    const { text, json } = await route.post('/api/helicone/chat/completions', chatBody());
    expectNoKeyPart(text, TEST_KEY);
    expect(json.error.message).toBe('bad key [redacted]');
  });

  it.each([200, 401])('drops allow-listed response headers holding the key (status %i)', async (status) => {
    const route = testRoute({ operations: { embeddings: embeddingsTarget } }, (call) =>
      jsonReply(status, status === 200 ? { object: 'list', data: [] } : { error: { message: 'no' } }, {
        'x-request-id': sentKey(call.headers),
        'helicone-provider': `Bearer ${sentKey(call.headers)}`,
        'helicone-model': encodeURIComponent(`k=${sentKey(call.headers)}`),
        'helicone-status': 'ok',
      }),
    );
    for (const [path, body, key] of [
      ['/api/helicone/chat/completions', chatBody(), TEST_KEY],
      ['/api/helicone/embeddings', embedding, PROVIDER_KEY],
    ] as const) {
      const { response } = await route.post(path, body);
      expect(response.status).toBe(status);
      const headerText = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      expectNoKeyPart(headerText, key);
      expect(response.headers.get('x-request-id')).toBeNull();
      expect(response.headers.get('helicone-provider')).toBeNull();
      expect(response.headers.get('helicone-model')).toBeNull();
      expect(response.headers.get('helicone-status')).toBe('ok');
    }
  });
});
