import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from './__tests__/helpers';
import type { UpstreamOptions } from './index';

const builtTypes = new URL('../dist/index.d.ts', import.meta.url);

describe('the package entry', () => {
  it('exports UpstreamOptions, as the README says, usable for a gateway in front of another', async () => {
    const behind = await startTestGateway();
    const upstream: UpstreamOptions = {
      url: `${behind.gateway.url}/v1`,
      apiKey: behind.gateway.apiKey,
      modelForm: 'helicone',
    };
    const front = await startTestGateway({ upstream });
    const response = await front.post('/v1/chat/completions', {
      model: 'claude-3.5-haiku/anthropic',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(response.status).toBe(200);
    expect(behind.rows()[0]?.requested_model).toBe('claude-3.5-haiku/anthropic');
  });

  it.skipIf(!existsSync(builtTypes))('names UpstreamOptions in the built types (dist)', () => {
    expect(readFileSync(builtTypes, 'utf8')).toMatch(/export \{[^}]*\bUpstreamOptions\b[^}]*\}/);
  });
});
