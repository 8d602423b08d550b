import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createHeliconeHandler } from '../create-helicone-handler';
import { readChecked } from './support/no-secret';
import { recordingUpstream, sseReply } from './support/recording-upstream';
import { chatBody, TEST_KEY } from './support/test-route';

describe('Hono one-liner', () => {
  it("app.all('/api/helicone/*', c => handler(c.req.raw)) serves the route, streams included", async () => {
    const upstream = recordingUpstream(() => sseReply(['data: {"a":1}\n\n', 'data: [DONE]\n\n']));
    const handler = createHeliconeHandler({
      apiKey: TEST_KEY,
      baseURL: 'https://gateway.test',
      fetch: upstream.fetch,
    });
    const app = new Hono();
    app.get('/', (c) => c.text('home'));
    app.all('/api/helicone/*', (c) => handler(c.req.raw));

    const response = await app.request('/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatBody({ stream: true })),
    });
    expect(response.status).toBe(200);
    expect(await readChecked(response, TEST_KEY)).toBe('data: {"a":1}\n\ndata: [DONE]\n\n');
    expect((await app.request('/')).status).toBe(200);
  });
});
