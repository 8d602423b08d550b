import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { chatBody, ssePayloads, startTestGateway } from '../helpers';

describe('faults', () => {
  it('answers with a provider status given at start, and recovers after `times`', async () => {
    const { post } = await startTestGateway({
      faults: { openai: { type: 'status', status: 503, times: 1 } },
    });
    const failed = await post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({
      success: false,
      error: { code: 'request_failed', details: [{ source: 'gpt-4o-mini/openai/ptb', statusCode: 503 }] },
    });
    expect((await post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }))).status).toBe(
      200,
    );
  });

  it('changes at run time with setFaults, and times out per the scaled provider timeout', async () => {
    const { gateway, post, rows } = await startTestGateway({ timeScale: 0.001 });
    gateway.setFaults({ '*': { type: 'timeout' } });
    const response = await post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }));
    expect(response.status).toBe(500);
    expect(JSON.parse(rows()[0]!.attempts as string)).toEqual([
      {
        source: 'gpt-4o-mini/openai/ptb',
        provider: 'openai',
        model: 'gpt-4o-mini',
        status: 408,
        message: 'openai timed out (local gateway fault).',
      },
    ]);
    gateway.setFaults({});
    expect((await post('/v1/chat/completions', chatBody('x'))).status).toBe(200);
  });

  it('cuts the connection mid-stream', async () => {
    const { gateway, rows } = await startTestGateway({ faults: { openai: { type: 'cut', afterTokens: 2 } } });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.apiKey, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini/openai',
      messages: [{ role: 'user', content: 'cut' }],
      stream: true,
    });
    const received: unknown[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) received.push(chunk);
      })(),
    ).rejects.toThrow();
    expect(received).toHaveLength(2);
    expect(rows()[0]).toMatchObject({
      status: 'error',
      error: 'Connection cut mid-stream by a local gateway fault',
    });
  });

  it('sends a malformed chunk, which the SDK refuses', async () => {
    const { client, post } = await startTestGateway({
      faults: { openai: { type: 'malformed', afterTokens: 1 } },
    });
    const raw = ssePayloads(
      await (
        await post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai', stream: true }))
      ).text(),
    );
    expect(() => JSON.parse(raw[1]!)).toThrow();
    expect(raw.at(-1)).toBe('[DONE]');
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini/openai',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toThrow();
  });

  it('takes faults from POST /__dev/faults only with dev', async () => {
    const dev = await startTestGateway({ dev: true });
    const set = await dev.post('/__dev/faults', { openai: { type: 'status', status: 500 } });
    expect(set.status).toBe(200);
    expect(
      (await dev.post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }))).status,
    ).toBe(500);
    expect((await dev.post('/__dev/faults', { openai: { type: 'explode' } })).status).toBe(400);
    await dev.post('/__dev/faults', {});
    expect(
      (await dev.post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }))).status,
    ).toBe(200);

    const anonymous = await fetch(`${dev.gateway.url}/__dev/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openai: { type: 'status', status: 500 } }),
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('Invalid Helicone API key');
    expect(
      (await dev.post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }))).status,
    ).toBe(200);

    const plain = await startTestGateway();
    const refused = await plain.post('/__dev/faults', { openai: { type: 'status', status: 500 } });
    expect(refused.status).toBe(400);
    expect(
      (await plain.post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }))).status,
    ).toBe(200);
  });
});
