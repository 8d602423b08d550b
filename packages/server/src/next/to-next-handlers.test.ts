import { describe, expect, it } from 'vitest';
import { readChecked } from '../__tests__/support/no-secret';
import { recordingUpstream } from '../__tests__/support/recording-upstream';
import { chatBody, TEST_KEY } from '../__tests__/support/test-route';
import { createHeliconeHandler } from '../create-helicone-handler';
import { toNextHandlers } from './index';

describe('Next.js App Router adapter', () => {
  it('GET, POST and OPTIONS of app/api/helicone/[...path]/route.ts all reach the route', async () => {
    const upstream = recordingUpstream();
    const { GET, POST, OPTIONS } = toNextHandlers(
      createHeliconeHandler({ apiKey: TEST_KEY, baseURL: 'https://gateway.test', fetch: upstream.fetch }),
    );
    const posted = await POST(
      new Request('https://app.example.com/api/helicone/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chatBody()),
      }),
    );
    expect(posted.status).toBe(200);
    await readChecked(posted, TEST_KEY);
    expect(upstream.last.url).toBe('https://gateway.test/v1/chat/completions');

    const wrongMethod = await GET(new Request('https://app.example.com/api/helicone/chat/completions'));
    expect(wrongMethod.status).toBe(405);
    const options = await OPTIONS(
      new Request('https://app.example.com/api/helicone/models', { method: 'OPTIONS' }),
    );
    expect(options.status).toBe(204);
  });
});
