import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { captureLog, readChecked } from '../__tests__/support/no-secret';
import { startRawUpstream } from '../__tests__/support/raw-upstream';
import { createHeliconeHandler } from '../create-helicone-handler';
import { toNodeHandler } from './to-node-handler';

const KEY = 'odd-upstream-key-5d4c3b2a19';

describe('node adapter in front of an upstream that breaks HTTP', () => {
  it('answers 502 for an upstream status 600, and the process keeps running', async () => {
    const upstream = await startRawUpstream('HTTP/1.1 600 Odd\r\ncontent-length: 2\r\n\r\nhi');
    const log = captureLog();
    const handler = createHeliconeHandler({ apiKey: KEY, baseURL: upstream.origin, logger: log.logger });
    const server = createServer(toNodeHandler(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await fetch(`http://127.0.0.1:${port}/api/helicone/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
        });
        expect(response.status).toBe(502);
        expect(JSON.parse(await readChecked(response, KEY)).error.code).toBe('upstream_unreachable');
      }
      log.expectClean(KEY);
      expect(log.lines.join('\n')).toMatch(/could not be reached: fetch failed/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
    }
  });
});
