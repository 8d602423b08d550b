import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

async function waitFor(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !check(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe('client disconnect and close()', () => {
  it('stops a stream the moment the client goes away and logs it cancelled with fewer tokens', async () => {
    // 60 tokens at 20 per second: three seconds of stream, far more than the client needs to go away.
    const { gateway, rows } = await startTestGateway({ pace: { firstTokenMs: 0, tokensPerSecond: 20 } });
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody('cancel me', { stream: true, max_tokens: 60 })),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    expect(gateway.stats().openRequests).toBe(1);
    controller.abort();
    await waitFor(() => gateway.stats().openRequests === 0 && rows().length === 1);
    const [cancelled] = rows();
    expect(cancelled!.status).toBe('cancelled');
    expect(cancelled!.completion_tokens as number).toBeLessThan(60);
  });

  it('counts open requests, and close() ends open streams and closes the database', async () => {
    const { gateway, rows } = await startTestGateway({ pace: { firstTokenMs: 0, tokensPerSecond: 20 } });
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${gateway.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(chatBody('long answer', { stream: true })),
        }),
      ),
    );
    expect(gateway.stats().openRequests).toBe(3);
    await gateway.close();
    expect(gateway.stats().openRequests).toBe(0);
    for (const response of responses) await expect(response.text()).rejects.toThrow();
    expect(rows().map((row) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('close() does not wait for a client that is still sending its body', async () => {
    const { gateway } = await startTestGateway();
    const outgoing = request(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${gateway.apiKey}`,
        'content-type': 'application/json',
        'content-length': '1000',
      },
    });
    outgoing.on('error', () => {});
    outgoing.write('{"model":"gpt-4o-mini",');
    await waitFor(() => gateway.stats().openRequests === 1);
    await gateway.close();
    expect(gateway.stats().openRequests).toBe(0);
  });
});
