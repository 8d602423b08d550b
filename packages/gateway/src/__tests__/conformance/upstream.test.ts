import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, ssePayloads, startTestGateway } from '../helpers';

const fixtures = new URL('../../../../../fixtures/anthropic/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Anthropic's API cannot run here: this server replays the recorded responses and keeps what it was sent. */
async function fakeAnthropic() {
  const received: { headers: IncomingHttpHeaders; body: Record<string, unknown>; path: string }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      received.push({ headers: request.headers, body, path: request.url ?? '' });
      if (body.stream === true) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(fixture('anthropic-stream-text-tool-use.claude-3-5-haiku.sse'));
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(fixture('anthropic-message.claude-3-5-sonnet.json'));
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('upstream: an OpenAI-compatible server (a second local gateway)', () => {
  it('forwards chat, streamed and not, and completions and embeddings, naming the attempt upstream', async () => {
    const back = await startTestGateway();
    const front = await startTestGateway({
      upstream: { url: `${back.gateway.url}/v1`, apiKey: back.gateway.apiKey, modelForm: 'helicone' },
    });
    const body = chatBody('through two gateways', { model: 'claude-3.5-haiku/anthropic' });
    const direct = (await (await back.post('/v1/chat/completions', body)).json()) as { choices: unknown };
    const relayed = await front.post('/v1/chat/completions', body);
    expect(relayed.status).toBe(200);
    expect(relayed.headers.get('helicone-provider')).toBe('anthropic');
    expect(((await relayed.json()) as { choices: unknown }).choices).toEqual(direct.choices);
    expect(back.rows().map((row) => row.requested_model)).toEqual([
      'claude-3.5-haiku/anthropic',
      'claude-3.5-haiku/anthropic',
    ]);

    const streamed = ssePayloads(
      await (
        await front.post('/v1/chat/completions', chatBody('stream it', { stream: true, max_tokens: 6 }))
      ).text(),
    );
    expect(streamed.at(-1)).toBe('[DONE]');
    expect(JSON.parse(streamed.at(-2)!)).toMatchObject({ choices: [], usage: { completion_tokens: 6 } });
    expect(front.rows().at(-1)).toMatchObject({ status: 'success', completion_tokens: 6, stream: 1 });

    const embedding = await front.client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'relay',
    });
    expect(embedding.data[0]!.embedding).toHaveLength(1536);
    const completion = await front.client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'relay',
      max_tokens: 4,
    });
    expect(completion.choices[0]!.finish_reason).toBe('length');
  });

  it('never forwards a top-level plugins field upstream (§1.3), streamed or not', async () => {
    const back = await startTestGateway();
    const front = await startTestGateway({
      upstream: { url: `${back.gateway.url}/v1`, apiKey: back.gateway.apiKey },
    });
    const plugins = [{ id: 'web', max_results: 3 }];
    const plain = await front.post('/v1/chat/completions', chatBody('search the web', { plugins }));
    expect(plain.status).toBe(200);
    await plain.text();
    const streamed = await front.post('/v1/chat/completions', chatBody('search', { plugins, stream: true }));
    await streamed.text();
    const sent = back.rows().map((row) => JSON.parse(row.request_body as string) as Record<string, unknown>);
    expect(sent).toHaveLength(2);
    for (const body of sent) {
      expect(body).not.toHaveProperty('plugins');
      expect(body).toMatchObject({ model: 'gpt-4o-mini', messages: [{ role: 'user' }] });
    }
    // The front's own log keeps the request as the client sent it.
    expect(JSON.parse(front.rows()[0]!.request_body as string)).toMatchObject({ plugins });
  });

  it('keeps every Helicone behaviour in front: the cache answers without calling the upstream, errors fall back', async () => {
    const back = await startTestGateway({ faults: { openai: { type: 'status', status: 503 } } });
    const front = await startTestGateway({
      upstream: { url: `${back.gateway.url}/v1`, apiKey: back.gateway.apiKey, modelForm: 'helicone' },
    });
    const cached = { 'helicone-cache-enabled': 'true' };
    await front.post('/v1/chat/completions', chatBody('once', { model: 'claude-3.5-haiku' }), cached);
    expect(
      (
        await front.post('/v1/chat/completions', chatBody('once', { model: 'claude-3.5-haiku' }), cached)
      ).headers.get('helicone-cache'),
    ).toBe('HIT');
    expect(back.rows()).toHaveLength(1);
    const failed = await front.post(
      '/v1/chat/completions',
      chatBody('x', { model: 'gpt-4o-mini/openai,claude-3.5-haiku/anthropic' }),
    );
    expect(failed.status).toBe(200);
    expect(failed.headers.get('helicone-provider')).toBe('anthropic');
    const attempts = JSON.parse(front.rows().at(-1)!.attempts as string) as {
      status: number;
      message: string;
    }[];
    expect(attempts[0]).toMatchObject({ status: 500, message: 'openai answered 503 (local gateway fault).' });
  });

  it("sends a provider's own API the provider model id, its key, and include_usage on streams", async () => {
    const bodies: Record<string, unknown>[] = [];
    const keys: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        bodies.push(JSON.parse(text) as Record<string, unknown>);
        keys.push(request.headers.authorization);
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(
          readFileSync(
            new URL(
              '../../../../../fixtures/openai-stream/openai-stream-text-usage.gpt-4o.sse',
              import.meta.url,
            ),
          ),
        );
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const { post, rows } = await startTestGateway({
      upstream: { url: `http://127.0.0.1:${port}/v1`, apiKey: 'provider-key' },
    });
    const text = await (
      await post(
        '/v1/chat/completions',
        chatBody('hello', {
          model: 'gpt-4o/azure',
          stream: true,
          stream_options: { include_obfuscation: false },
        }),
      )
    ).text();
    expect(bodies[0]).toMatchObject({
      model: 'gpt-4o',
      stream: true,
      stream_options: { include_obfuscation: false, include_usage: true },
    });
    expect(keys[0]).toBe('Bearer provider-key');
    expect(ssePayloads(text).at(-1)).toBe('[DONE]');
    expect(rows()[0]).toMatchObject({
      status: 'success',
      provider: 'azure',
      model: 'gpt-4o',
      completion_tokens: 10,
    });
    expect(JSON.parse(rows()[0]!.response_body as string)).toMatchObject({
      choices: [{ message: { content: 'Hello! How can I assist you today?' } }],
    });
  });

  it('treats an unreachable upstream as a failed attempt (503) and answers 500 with its message', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const { post } = await startTestGateway({ upstream: `http://127.0.0.1:${port}/v1` });
    const response = await post('/v1/chat/completions', chatBody('anyone?'));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; details: { statusCode: number }[] } };
    expect(body.error.message).toMatch(/^Upstream unavailable: /);
    expect(body.error.details.map((detail) => detail.statusCode)).toEqual([503, 503, 503]);
  });

  it('logs an upstream stream that breaks off as an error and cuts the client too', async () => {
    const back = await startTestGateway({ faults: { anthropic: { type: 'cut', afterTokens: 3 } } });
    const front = await startTestGateway({
      upstream: { url: `${back.gateway.url}/v1`, apiKey: back.gateway.apiKey, modelForm: 'helicone' },
    });
    const stream = await front.client.chat.completions.create({
      model: 'claude-3.5-haiku',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toThrow();
    expect(front.rows()[0]).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/^Upstream stream failed: /),
    });
    expect(front.gateway.stats().openRequests).toBe(0);
  });
});

describe('upstream: Anthropic Messages converted as Helicone converts them', () => {
  it('turns the recorded stream into the recorded OpenAI chunks, chunk for chunk apart from created', async () => {
    const anthropic = await fakeAnthropic();
    const { post, rows } = await startTestGateway({
      upstream: { url: anthropic.url, format: 'anthropic', apiKey: 'anthropic-test-key' },
    });
    const response = await post('/v1/chat/completions', {
      model: 'claude-3.5-haiku',
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is 50+50?' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'calculate',
            parameters: { type: 'object', properties: { expression: { type: 'string' } } },
          },
        },
      ],
    });
    const expected = ssePayloads(
      fixture('helicone-converted.anthropic-stream-text-tool-use.openai-chunks.sse'),
    );
    const actual = ssePayloads(await response.text());
    expect(actual).toHaveLength(expected.length);
    actual.forEach((payload, index) => {
      if (payload === '[DONE]') return expect(expected[index]).toBe('[DONE]');
      const { created, ...rest } = JSON.parse(payload) as Record<string, unknown>;
      const { created: _created, ...wanted } = JSON.parse(expected[index]!) as Record<string, unknown>;
      expect(typeof created).toBe('number');
      expect(rest).toEqual(wanted);
    });
    // The recorded usage: 500 prompt tokens read from Anthropic's cache, 20 written (1 h).
    expect(rows()[0]).toMatchObject({ prompt_cache_read_tokens: 500, prompt_cache_write_tokens: 20 });
    const [sent] = anthropic.received;
    expect(sent!.path).toBe('/v1/messages');
    expect(sent!.headers['x-api-key']).toBe('anthropic-test-key');
    expect(sent!.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent!.body).toMatchObject({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 4096,
      system: 'Be brief.',
      stream: true,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is 50+50?' }] }],
      tools: [
        {
          name: 'calculate',
          input_schema: { type: 'object', properties: { expression: { type: 'string' } } },
        },
      ],
    });
  });

  it('converts a non-streamed message, with cached and written prompt tokens', async () => {
    const anthropic = await fakeAnthropic();
    const { client, gateway, rows } = await startTestGateway({
      upstream: { url: anthropic.url, format: 'anthropic' },
    });
    const requestId = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const completion = await client.chat.completions.create(
      { model: 'claude-3.5-sonnet', messages: [{ role: 'user', content: 'Hi' }] },
      { headers: { 'helicone-request-id': requestId } },
    );
    expect(completion).toMatchObject({
      id: 'msg_01R5e95hqDGjCfwueBymqQvy',
      object: 'chat.completion',
      model: 'claude-3-5-sonnet-20241022',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hi! How can I help you today?' },
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 192,
        completion_tokens: 12,
        total_tokens: 254,
        prompt_tokens_details: {
          cached_tokens: 183,
          cache_write_tokens: 50,
          cache_write_details: { write_5m_tokens: 50, write_1h_tokens: 0 },
        },
      },
    });
    expect(rows()[0]).toMatchObject({
      prompt_tokens: 192,
      completion_tokens: 12,
      provider: 'anthropic',
      prompt_cache_read_tokens: 183,
      prompt_cache_write_tokens: 50,
    });
    const logged = await fetch(`${gateway.url}/v1/request/${requestId}`, {
      headers: { authorization: `Bearer ${gateway.apiKey}` },
    });
    expect(((await logged.json()) as { data: Record<string, unknown> }).data).toMatchObject({
      prompt_cache_read_tokens: 183,
      prompt_cache_write_tokens: 50,
    });
  });

  it('streams thinking as delta.reasoning, then reasoning_details with the signature', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(fixture('anthropic-stream-thinking.claude-sonnet-4-5.sse'));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { post } = await startTestGateway({
      upstream: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, format: 'anthropic' },
    });
    const chunks = ssePayloads(
      await (
        await post('/v1/chat/completions', chatBody('divide', { model: 'claude-4.5-sonnet', stream: true }))
      ).text(),
    )
      .slice(0, -1)
      .map(
        (payload) =>
          JSON.parse(payload) as {
            choices: { delta: Record<string, unknown>; finish_reason: string | null }[];
          },
      );
    const reasoning = chunks
      .flatMap((chunk) => chunk.choices.map((choice) => choice.delta.reasoning))
      .filter((text) => typeof text === 'string')
      .join('');
    expect(reasoning.startsWith('The previous result was 925.')).toBe(true);
    const final = chunks.find((chunk) => chunk.choices[0]?.finish_reason)!.choices[0]!;
    expect(final.delta.reasoning_details).toEqual([
      { thinking: reasoning, signature: expect.stringMatching(/.+/) },
    ]);
  });

  it('turns web-search citations into annotations on the finish chunk, and counts the searches', async () => {
    // Events written by hand; the expected chunk follows Helicone's converter (HELICONE.md §6): a cited text
    // block spans its own text, a citations_delta spans everything so far.
    const events = [
      {
        type: 'message_start',
        message: {
          id: 'msg_cite',
          model: 'claude-3-5-haiku-20241022',
          usage: { input_tokens: 10, output_tokens: 1 },
        },
      },
      {
        type: 'content_block_start',
        index: 0,
        content_block: {
          type: 'text',
          text: '',
          citations: [
            { type: 'web_search_result_location', url: 'https://a.example', title: 'A', cited_text: 'Alpha' },
          ],
        },
      },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Paris is the capital.' } },
      {
        type: 'content_block_delta',
        index: 0,
        delta: {
          type: 'citations_delta',
          citation: {
            type: 'web_search_result_location',
            url: 'https://b.example',
            title: 'B',
            cited_text: 'Beta',
          },
        },
      },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        usage: { output_tokens: 5, server_tool_use: { web_search_requests: 1 } },
      },
      { type: 'message_stop' },
    ];
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(''),
      );
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { post } = await startTestGateway({
      upstream: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, format: 'anthropic' },
    });
    const response = await post(
      '/v1/chat/completions',
      chatBody('capital', { model: 'claude-3.5-haiku', stream: true }),
    );
    const chunks = ssePayloads(await response.text())
      .slice(0, -1)
      .map(
        (payload) =>
          JSON.parse(payload) as {
            choices: { delta: unknown; finish_reason: string | null }[];
            usage?: unknown;
          },
      );
    const finish = chunks.find((chunk) => chunk.choices[0]?.finish_reason)!.choices[0]!;
    expect(finish).toEqual({
      index: 0,
      delta: {
        annotations: [
          {
            type: 'url_citation',
            url_citation: {
              url: 'https://a.example',
              title: 'A',
              content: 'Alpha',
              start_index: 0,
              end_index: 0,
            },
          },
          {
            type: 'url_citation',
            url_citation: {
              url: 'https://b.example',
              title: 'B',
              content: 'Beta',
              start_index: 0,
              end_index: 21,
            },
          },
        ],
      },
      logprobs: null,
      finish_reason: 'stop',
    });
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        server_tool_use: { web_search_requests: 1 },
      },
    });
  });
});
