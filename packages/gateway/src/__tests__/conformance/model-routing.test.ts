import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

const call = (post: Awaited<ReturnType<typeof startTestGateway>>['post'], model: string) =>
  post('/v1/chat/completions', { ...chatBody('route me'), model });

describe('HELICONE.md §1.4 model strings', () => {
  it('serves a registry id from its first provider, and an alias from its target', async () => {
    const { post } = await startTestGateway();
    const alias = await call(post, 'claude-3.5-sonnet');
    expect(alias.status).toBe(200);
    expect(alias.headers.get('helicone-provider')).toBe('anthropic');
    expect(alias.headers.get('helicone-model')).toBe('claude-3-5-sonnet-20241022');
    expect((await call(post, 'kimi-k2')).headers.get('helicone-model')).toBe(
      'moonshotai/kimi-k2-instruct-0905',
    );
    expect((await call(post, 'gemini-1.5-flash')).headers.get('helicone-model')).toBe(
      'gemini-2.5-flash-lite',
    );
  });

  it('uses the provider given, and PTB mode for registry models', async () => {
    const { post } = await startTestGateway();
    const response = await call(post, 'claude-3.5-haiku/bedrock');
    expect(response.headers.get('helicone-provider')).toBe('bedrock');
    expect(response.headers.get('helicone-model')).toBe('anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(response.headers.get('helicone-gateway-mode')).toBe('PTB');
  });

  it('falls back in order when a provider fails, and skips !excluded providers', async () => {
    const { post, rows } = await startTestGateway({ faults: { openai: { type: 'status', status: 500 } } });
    const response = await call(post, 'gpt-4o-mini/openai,claude-3.5-haiku/anthropic');
    expect(response.status).toBe(200);
    expect(response.headers.get('helicone-provider')).toBe('anthropic');
    const attempts = JSON.parse(rows()[0]!.attempts as string) as { source: string; status: number }[];
    expect(attempts.map(({ source, status }) => [source, status])).toEqual([
      ['gpt-4o-mini/openai/ptb', 500],
      ['claude-3.5-haiku/anthropic/ptb', 200],
    ]);
    const excluded = await call(post, 'gpt-4o-mini,!openai');
    expect(excluded.headers.get('helicone-provider')).toBe('azure');
  });

  it('passes an unknown name with an explicit provider through (BYOK)', async () => {
    const { post } = await startTestGateway();
    const response = await call(post, 'gpt-4o-2024-11-20/openai');
    expect(response.status).toBe(200);
    expect(response.headers.get('helicone-model')).toBe('gpt-4o-2024-11-20');
    expect(response.headers.get('helicone-gateway-mode')).toBe('BYOK');
  });

  it('answers the real 400s: helicone/ prefix, unknown model, invalid provider, no provider left', async () => {
    const { post } = await startTestGateway();
    const prefixed = await call(post, 'helicone/gpt-4o-mini');
    expect(prefixed.status).toBe(400);
    expect(await prefixed.text()).toMatch(
      /^Invalid provider: gpt-4o-mini\. Valid providers: baseten, anthropic, /,
    );
    const unknown = await call(post, 'not-a-model');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(
      /^Unknown model: not-a-model\. Please specify a provider \(e\.g\., not-a-model\/openai\)/,
    );
    const badProvider = await call(post, 'gpt-4o/nowhere');
    expect(await badProvider.text()).toMatch(/^Invalid provider: nowhere\./);
    const none = await call(post, 'deepseek-reasoner,!deepseek');
    expect(none.status).toBe(400);
    expect(await none.text()).toMatch(/^No available providers for the requested models/);
    expect((await call(post, 'gpt-4o,!')).status).toBe(400);
  });

  it('reads a left-over helicone/ prefix as the real parser does: model `helicone`, then the provider', async () => {
    const { post } = await startTestGateway();
    const litellm = await call(post, 'helicone/claude-3.5-haiku/anthropic');
    expect(litellm.status).toBe(400);
    expect(await litellm.text()).toMatch(/^Invalid provider: claude-3\.5-haiku\. Valid providers: /);
    // `openai` is a provider: `helicone` on openai is a BYOK passthrough no account has a key for.
    const onProvider = await call(post, 'helicone/openai');
    expect(onProvider.status).toBe(400);
    const text = await onProvider.text();
    expect(text).not.toContain('Invalid provider');
    expect(text).toBe(
      'No available providers for the requested models. Check provider names and model availability at https://helicone.ai/models',
    );
    const thenFallback = await call(post, 'helicone/openai,claude-3.5-haiku/anthropic');
    expect(thenFallback.status).toBe(200);
    expect(thenFallback.headers.get('helicone-provider')).toBe('anthropic');
  });

  it('accepts :online entries (no search is made) and serves them like the plain name', async () => {
    const { post, rows } = await startTestGateway();
    const online = await call(post, 'gpt-4o-mini:online');
    expect(online.status).toBe(200);
    expect(online.headers.get('helicone-provider')).toBe('openai');
    expect(online.headers.get('helicone-model')).toBe('gpt-4o-mini');
    const pinned = await call(post, 'claude-3.5-haiku:online/anthropic,gpt-4o-mini');
    expect(pinned.headers.get('helicone-provider')).toBe('anthropic');
    expect(rows().map((row) => row.requested_model)).toEqual([
      'gpt-4o-mini:online',
      'claude-3.5-haiku:online/anthropic,gpt-4o-mini',
    ]);
  });

  it('serves name/provider/deploymentId from that provider in BYOK mode', async () => {
    const { post } = await startTestGateway({ faults: { azure: { type: 'status', status: 500 } } });
    const deployment = await call(post, 'gpt-4o/openai/clm1a2b3c');
    expect(deployment.status).toBe(200);
    expect(deployment.headers.get('helicone-provider')).toBe('openai');
    expect(deployment.headers.get('helicone-model')).toBe('gpt-4o');
    expect(deployment.headers.get('helicone-gateway-mode')).toBe('BYOK');
    expect((await call(post, 'gpt-4o/openai')).headers.get('helicone-gateway-mode')).toBe('PTB');
    // The deployment's provider only: no fallback to another one.
    const failing = await call(post, 'gpt-4o/azure/clm1a2b3c');
    expect(failing.status).toBe(500);
    const body = (await failing.json()) as { error: { details: { source: string }[] } };
    expect(body.error.details.map((detail) => detail.source)).toEqual(['gpt-4o/azure/byok']);
  });
});
