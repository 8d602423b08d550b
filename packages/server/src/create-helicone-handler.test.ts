import { describe, expect, it } from 'vitest';
import { chatBody, TEST_KEY, testRoute } from './__tests__/support/test-route';
import { jsonReply } from './__tests__/support/recording-upstream';

const errorShape = (status: number, code: string) => ({
  error: {
    message: expect.any(String),
    type: expect.any(String),
    code,
    param: expect.toBeOneOf([null, expect.any(String)]),
  },
});

describe('routing', () => {
  it('answers the three operations under {base}/ and {base}/v1/, sending each to the gateway path', async () => {
    const { post, upstream } = testRoute();
    const cases = [
      ['/api/helicone/chat/completions', chatBody(), 'https://gateway.test/v1/chat/completions'],
      ['/api/helicone/v1/chat/completions', chatBody(), 'https://gateway.test/v1/chat/completions'],
      [
        '/api/helicone/completions',
        { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' },
        'https://gateway.test/v1/completions',
      ],
      [
        '/api/helicone/v1/completions/',
        { model: 'gpt-3.5-turbo-instruct', prompt: 'Hi' },
        'https://gateway.test/v1/completions',
      ],
      [
        '/api/helicone/embeddings',
        { model: 'text-embedding-3-small', input: 'Hi' },
        'https://gateway.test/v1/embeddings',
      ],
      [
        '/api/helicone/v1/embeddings',
        { model: 'text-embedding-3-small', input: ['a', 'b'] },
        'https://gateway.test/v1/embeddings',
      ],
    ] as const;
    for (const [path, body, target] of cases) {
      const { response } = await post(path, body);
      expect(response.status, path).toBe(200);
      expect(upstream.last.url).toBe(target);
      expect(upstream.last.method).toBe('POST');
    }
  });

  it('gives 404 for unknown paths and paths outside the base', async () => {
    const { send, upstream } = testRoute();
    for (const path of [
      '/api/helicone',
      '/api/helicone/nope',
      '/api/helicone/v1/v1/models',
      '/elsewhere/models',
      '/api/heliconex/models',
    ]) {
      const { response, json } = await send(path, { method: 'POST' });
      expect(response.status, path).toBe(404);
      expect(json).toEqual(errorShape(404, 'not_found'));
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it('gives 405 with Allow for a wrong method', async () => {
    const { send } = testRoute();
    const get = await send('/api/helicone/chat/completions');
    expect(get.response.status).toBe(405);
    expect(get.response.headers.get('allow')).toBe('POST, OPTIONS');
    expect(get.json).toEqual(errorShape(405, 'method_not_allowed'));
    const post = await send('/api/helicone/models', { method: 'POST', body: '{}' });
    expect(post.response.status).toBe(405);
    expect(post.response.headers.get('allow')).toBe('GET, OPTIONS');
    const put = await send('/api/helicone/feedback', { method: 'PUT', body: '{}' });
    expect(put.response.status).toBe(405);
  });

  it('honours basePath', async () => {
    const { post } = testRoute({ basePath: '/llm/' });
    expect((await post('/llm/chat/completions', chatBody())).response.status).toBe(200);
    expect((await post('/api/helicone/chat/completions', chatBody())).response.status).toBe(404);
  });
});

describe('body validation (never a 500 for a client mistake)', () => {
  it('415 for a body that is not declared JSON', async () => {
    const { send, upstream } = testRoute();
    for (const headers of <Record<string, string>[]>[
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ]) {
      const { response, json } = await send('/api/helicone/chat/completions', {
        method: 'POST',
        headers,
        body: JSON.stringify(chatBody()),
      });
      expect(response.status).toBe(415);
      expect(json).toEqual(errorShape(415, 'unsupported_media_type'));
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it('415 for JSON in a charset other than UTF-8', async () => {
    const { send, upstream } = testRoute();
    for (const contentType of ['application/json;charset=latin1', 'application/json; charset="ISO-8859-1"']) {
      const { response, json } = await send('/api/helicone/chat/completions', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify(chatBody()),
      });
      expect(response.status, contentType).toBe(415);
      expect(json).toEqual(errorShape(415, 'unsupported_media_type'));
    }
    const quoted = await send('/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset="UTF-8"' },
      body: JSON.stringify(chatBody()),
    });
    expect(quoted.response.status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
  });

  it('accepts application/json with a charset', async () => {
    const { send } = testRoute();
    const { response } = await send('/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      body: JSON.stringify(chatBody()),
    });
    expect(response.status).toBe(200);
  });

  it('400 for bytes that are not JSON, including invalid UTF-8 and an empty body', async () => {
    const { post, send } = testRoute();
    for (const body of ['{"model":', 'nope', '']) {
      const { response, json } = await post('/api/helicone/chat/completions', body);
      expect(response.status).toBe(400);
      expect(json).toEqual(errorShape(400, 'invalid_json'));
    }
    const invalidUtf8 = await send('/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(invalidUtf8.response.status).toBe(400);
  });

  it('400 body_too_deep for nesting past 128 levels (10,000 levels would overflow the stack), 200 at 128', async () => {
    const { post, upstream } = testRoute();
    const deep = `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const refused = await post('/api/helicone/chat/completions', deep);
    expect(refused.response.status).toBe(400);
    expect(refused.json).toEqual(errorShape(400, 'body_too_deep'));
    expect(refused.json.error.message).toContain('128');
    // The body object is level 1, `x` holds 127 more: exactly at the limit.
    const atLimit = chatBody({ x: JSON.parse('['.repeat(127) + ']'.repeat(127)) });
    expect((await post('/api/helicone/chat/completions', atLimit)).response.status).toBe(200);
    const overLimit = chatBody({ x: JSON.parse('['.repeat(128) + ']'.repeat(128)) });
    expect((await post('/api/helicone/chat/completions', overLimit)).response.status).toBe(400);
    // Brackets inside strings are text, not nesting.
    const text = chatBody({ messages: [{ role: 'user', content: '['.repeat(10_000) }] });
    expect((await post('/api/helicone/chat/completions', text)).response.status).toBe(200);
    expect(upstream.calls).toHaveLength(2);
    expect(await post('/api/helicone/feedback', `{"requestId":${'['.repeat(5000)}`)).toMatchObject({
      response: { status: 400 },
    });
  });

  it('413 over the body limit, declared or streamed', async () => {
    const { post, send, upstream } = testRoute({ limits: { maxBodyBytes: 1000 } });
    const big = chatBody({ messages: [{ role: 'user', content: 'x'.repeat(2000) }] });
    const declared = await post('/api/helicone/chat/completions', big);
    expect(declared.response.status).toBe(413);
    expect(declared.json).toEqual(errorShape(413, 'request_too_large'));

    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await send('/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.slice(0, 600));
          controller.enqueue(bytes.slice(600));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.response.status).toBe(413);
    expect(upstream.calls).toHaveLength(0);
  });

  it('413 by default above 1 MiB', async () => {
    const { post } = testRoute();
    const big = chatBody({ messages: [{ role: 'user', content: 'x'.repeat(1024 * 1024) }] });
    expect((await post('/api/helicone/chat/completions', big)).response.status).toBe(413);
    const fits = chatBody({ messages: [{ role: 'user', content: 'x'.repeat(1000 * 1000) }] });
    expect((await post('/api/helicone/chat/completions', fits)).response.status).toBe(200);
  });

  it.each([
    ['an array', [], null],
    ['no model', { messages: [{ role: 'user', content: 'x' }] }, 'model'],
    ['a number model', { model: 4, messages: [{ role: 'user', content: 'x' }] }, 'model'],
    ['no messages and no prompt', { model: 'gpt-4o' }, 'messages'],
    ['empty messages', { model: 'gpt-4o', messages: [] }, 'messages'],
    ['a bad role', { model: 'gpt-4o', messages: [{ role: 'wizard', content: 'x' }] }, 'messages[0].role'],
    ['a message that is a string', { model: 'gpt-4o', messages: ['hi'] }, 'messages[0]'],
    ['stream as a string', chatBody({ stream: 'yes' }), 'stream'],
    ['n = 0', chatBody({ n: 0 }), 'n'],
    ['prompt inputs as a list', { model: 'gpt-4o', prompt_id: 'p1', inputs: [1] }, 'inputs'],
  ])('400 naming the param for a chat body with %s', async (_name, body, param) => {
    const { post, upstream } = testRoute();
    const { response, json } = await post('/api/helicone/chat/completions', body);
    expect(response.status).toBe(400);
    expect(json.error.code).toBe('invalid_body');
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.param).toBe(param);
    expect(upstream.calls).toHaveLength(0);
  });

  it('400 above limits.maxMessages', async () => {
    const { post } = testRoute({ limits: { maxMessages: 3 } });
    const messages = Array.from({ length: 4 }, () => ({ role: 'user', content: 'x' }));
    const { response, json } = await post('/api/helicone/chat/completions', chatBody({ messages }));
    expect(response.status).toBe(400);
    expect(json.error.param).toBe('messages');
    expect(
      (await post('/api/helicone/chat/completions', chatBody({ messages: messages.slice(1) }))).response
        .status,
    ).toBe(200);
  });

  it('accepts Helicone prompt fields instead of messages, and passes them through', async () => {
    const { post, upstream } = testRoute();
    const body = {
      model: 'gpt-4o-mini',
      prompt_id: 'prompt-1',
      inputs: { city: 'Paris' },
      environment: 'staging',
      version_id: 'v2',
    };
    expect((await post('/api/helicone/chat/completions', body)).response.status).toBe(200);
    expect(upstream.last.json).toEqual(body);
  });

  it('checks embeddings and completions bodies', async () => {
    const { post } = testRoute();
    expect(
      (await post('/api/helicone/embeddings', { model: 'text-embedding-3-small' })).json.error.param,
    ).toBe('input');
    expect(
      (await post('/api/helicone/embeddings', { model: 'text-embedding-3-small', input: [] })).response
        .status,
    ).toBe(400);
    expect(
      (await post('/api/helicone/embeddings', { model: 'text-embedding-3-small', input: [[1, 2]] })).response
        .status,
    ).toBe(200);
    expect(
      (await post('/api/helicone/completions', { model: 'gpt-3.5-turbo-instruct', prompt: { a: 1 } })).json
        .error.param,
    ).toBe('prompt');
  });

  it('keeps every other body field as sent', async () => {
    const { post, upstream } = testRoute();
    const body = chatBody({
      temperature: 0.3,
      tools: [{ type: 'function', function: { name: 'f' } }],
      custom_field: { a: [1] },
    });
    await post('/api/helicone/chat/completions', body);
    expect(upstream.last.json).toEqual(body);
  });
});

describe('failures of the app or the upstream', () => {
  it('authorize throwing gives 500 without detail, and the log line is redacted', async () => {
    const route = testRoute({
      authorize: () => {
        throw new Error(`db down while checking ${TEST_KEY}`);
      },
    });
    const { response, json } = await route.post('/api/helicone/chat/completions', chatBody());
    expect(response.status).toBe(500);
    expect(json.error.code).toBe('authorize_failed');
    expect(route.log.lines.join('\n')).toContain('[redacted]');
  });

  it('502 when the gateway cannot be reached, logging the reason without the key', async () => {
    const route = testRoute({}, () => {
      throw new TypeError('fetch failed', {
        cause: new Error(`connect ECONNREFUSED https://gateway.test/${TEST_KEY}/v1`),
      });
    });
    const { response, json } = await route.post('/api/helicone/chat/completions', chatBody());
    expect(response.status).toBe(502);
    expect(json.error.code).toBe('upstream_unreachable');
    expect(route.log.lines.join('\n')).toMatch(/ECONNREFUSED .*\[redacted\]/);
  });

  it('504 when no response headers arrive within limits.firstByteTimeoutMs, and aborts the call', async () => {
    const route = testRoute(
      { limits: { firstByteTimeoutMs: 30 } },
      (call) =>
        new Promise((_resolve, reject) => {
          call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const { response, json } = await route.post('/api/helicone/chat/completions', chatBody());
    expect(response.status).toBe(504);
    expect(json.error.code).toBe('upstream_timeout');
    expect(route.upstream.last.signal?.aborted).toBe(true);
  });

  it('502 for an upstream redirect, which is not followed', async () => {
    const route = testRoute(
      {},
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/' } }),
    );
    const { response, json } = await route.post('/api/helicone/chat/completions', chatBody());
    expect(response.status).toBe(502);
    expect(json.error.code).toBe('upstream_redirect');
    expect(route.upstream.calls).toHaveLength(1);
  });

  it('502 for a redirect a fetch reports as status 0 (opaqueredirect, as browsers do) or a network-error Response', async () => {
    const opaque = () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'status', { value: 0 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(response, 'ok', { value: false });
      return response;
    };
    const redirect = testRoute({}, opaque);
    const redirected = await redirect.post('/api/helicone/chat/completions', chatBody());
    expect(redirected.response.status).toBe(502);
    expect(redirected.json.error.code).toBe('upstream_redirect');
    const failed = testRoute({}, () => Response.error());
    const failure = await failed.post('/api/helicone/chat/completions', chatBody());
    expect(failure.response.status).toBe(502);
    expect(failure.json.error.code).toBe('upstream_unreachable');
  });

  it('upstream errors keep their status and come back OpenAI-shaped and sanitized', async () => {
    const cases: [number, string, string, { message: RegExp; code: string | null }][] = [
      [401, 'text/plain', 'Invalid Helicone API key', { message: /Invalid Helicone API key/, code: null }],
      [
        429,
        'application/json',
        JSON.stringify({
          success: false,
          error: { code: 'rate_limited', message: 'Rate limited', details: [], param: null },
        }),
        { message: /Rate limited/, code: 'rate_limited' },
      ],
      [
        500,
        'application/json',
        JSON.stringify({
          error: {
            message: `provider said: bad key ${TEST_KEY}`,
            type: 'server_error',
          },
        }),
        { message: /\[redacted/, code: null },
      ],
      [
        400,
        'application/json',
        JSON.stringify({ error: "Variable 'x' is 'number' but got 'abc'" }),
        { message: /Variable 'x'/, code: null },
      ],
    ];
    for (const [status, type, body, expected] of cases) {
      const route = testRoute(
        {},
        () =>
          new Response(body, {
            status,
            headers: { 'content-type': type, 'set-cookie': 'a=b', 'helicone-ratelimit-remaining': '0' },
          }),
      );
      const { response, json } = await route.post('/api/helicone/chat/completions', chatBody());
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('helicone-ratelimit-remaining')).toBe('0');
      expect(json.error.message).toMatch(expected.message);
      expect(json.error.code).toBe(expected.code);
      expect(Object.keys(json)).toEqual(['error']);
    }
  });

  it('a plain 200 from an upstream that returns JSON passes through untouched', async () => {
    const completion = { id: 'chatcmpl-1', object: 'chat.completion', choices: [] };
    const route = testRoute({}, () => jsonReply(200, completion, { 'helicone-provider': 'openai' }));
    const { response, json } = await route.post('/api/helicone/chat/completions', chatBody());
    expect(json).toEqual(completion);
    expect(response.headers.get('helicone-provider')).toBe('openai');
  });
});
