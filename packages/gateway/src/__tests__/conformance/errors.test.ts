import { parseGatewayError } from '@helicone-kit/core';
import { describe, expect, it } from 'vitest';
import type { Faults } from '../../types';
import { chatBody, startTestGateway } from '../helpers';

async function failWith(faults: Faults, model: string, errorFormat?: 'gateway' | 'docs') {
  const { post } = await startTestGateway({ faults, ...(errorFormat ? { errorFormat } : {}) });
  const response = await post('/v1/chat/completions', chatBody('x', { model }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('HELICONE.md §3.2 error bodies and statuses', () => {
  it('403 wins, with that attempt’s message', async () => {
    const { status, body } = await failWith(
      {
        openai: { type: 'status', status: 403, message: 'Model blocked' },
        anthropic: { type: 'status', status: 401 },
      },
      'gpt-4o-mini/openai,claude-3.5-haiku/anthropic',
    );
    expect(status).toBe(403);
    expect(body).toMatchObject({
      success: false,
      error: { code: 'request_failed', message: 'Model blocked', param: null },
    });
  });

  it('then 401 "Authentication failed"', async () => {
    const { status, body } = await failWith(
      { openai: { type: 'status', status: 401 }, anthropic: { type: 'status', status: 500 } },
      'gpt-4o-mini/openai,claude-3.5-haiku/anthropic',
    );
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { message: 'Authentication failed' } });
  });

  it('then any other provider error as 500 with its message and every attempt in details', async () => {
    const { status, body } = await failWith(
      {
        openai: { type: 'status', status: 429 },
        anthropic: { type: 'status', status: 502, message: 'Bad gateway upstream' },
      },
      'gpt-4o-mini/openai,claude-3.5-haiku/anthropic',
    );
    expect(status).toBe(500);
    expect(body).toEqual({
      success: false,
      error: {
        code: 'request_failed',
        message: 'Bad gateway upstream',
        details: [
          {
            source: 'gpt-4o-mini/openai/ptb',
            type: 'rate_limited',
            message: 'openai answered 429 (local gateway fault).',
            statusCode: 429,
          },
          {
            source: 'claude-3.5-haiku/anthropic/ptb',
            type: 'request_failed',
            message: 'Bad gateway upstream',
            statusCode: 502,
          },
        ],
        param: null,
      },
    });
  });

  it('every attempt 429 gives 429 rate_limited', async () => {
    const { status, body } = await failWith({ '*': { type: 'status', status: 429 } }, 'gpt-4o-mini');
    expect(status).toBe(429);
    expect(body).toMatchObject({ error: { code: 'rate_limited', message: 'Rate limited' } });
  });

  it('offers the documented shape too, and core’s GatewayError reads both', async () => {
    const docs = await failWith({ '*': { type: 'status', status: 500 } }, 'gpt-4o-mini/openai', 'docs');
    expect(docs.body).toEqual({
      error: { message: 'openai answered 500 (local gateway fault).', type: 'request_failed', code: 500 },
    });
    const worker = await failWith({ '*': { type: 'status', status: 500 } }, 'gpt-4o-mini/openai');
    for (const { status, body } of [docs, worker]) {
      const error = parseGatewayError(status, JSON.stringify(body));
      expect(error.status).toBe(500);
      expect(error.message).toContain('openai answered 500');
    }
  });

  it('the SDK sees the statuses as its error classes', async () => {
    const { gateway, client } = await startTestGateway({
      faults: { openai: { type: 'status', status: 401 } },
    });
    await expect(
      client.chat.completions.create({
        model: 'gpt-4o-mini/openai',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({
      status: 401,
    });
    gateway.setFaults({ openai: { type: 'status', status: 500 } });
    await expect(
      client.chat.completions.create({
        model: 'gpt-4o-mini/openai',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({
      status: 500,
    });
  });
});
