import { describe, expect, it, vi } from 'vitest';
import { readChecked } from '../__tests__/support/no-secret';
import { startRouteServer } from '../__tests__/support/route-server';

const chat = (base: string) =>
  fetch(`${base}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
  });

describe('upstream failures over sockets', () => {
  it('504 when the gateway sends nothing in time, and the gateway call is aborted', async () => {
    // The gateway's timeout fault holds the provider for its provider timeout (60 s by default).
    const route = await startRouteServer(
      { limits: { firstByteTimeoutMs: 150 } },
      { faults: { '*': { type: 'timeout' } } },
    );
    try {
      const response = await chat(route.base);
      expect(response.status).toBe(504);
      expect(JSON.parse(await readChecked(response, route.gateway.apiKey)).error.code).toBe(
        'upstream_timeout',
      );
      await vi.waitFor(() => expect(route.gateway.stats().openRequests).toBe(0));
      route.log.expectClean(route.gateway.apiKey);
      expect(route.log.lines.join('\n')).toMatch(/no response within 150 ms/);
    } finally {
      await route.close();
    }
  });

  it('502 when the gateway is gone, with the key kept out of the answer and the log', async () => {
    const route = await startRouteServer();
    await route.gateway.close();
    try {
      const response = await chat(route.base);
      expect(response.status).toBe(502);
      expect(JSON.parse(await readChecked(response, route.gateway.apiKey)).error.code).toBe(
        'upstream_unreachable',
      );
      route.log.expectClean(route.gateway.apiKey);
      expect(route.log.lines.join('\n')).toMatch(/could not be reached/);
    } finally {
      await route.close();
    }
  });
});
