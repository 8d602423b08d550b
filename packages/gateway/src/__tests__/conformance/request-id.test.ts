import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

describe('HELICONE.md §2.1 Helicone-Request-Id', () => {
  it('keeps a valid UUID and echoes it as Helicone-Id', async () => {
    const { post } = await startTestGateway();
    const id = '3f1c2b9a-7d4e-4c1b-9a2f-5e6d7c8b9a0f';
    const response = await post('/v1/chat/completions', chatBody('hi'), { 'helicone-request-id': id });
    expect(response.headers.get('helicone-id')).toBe(id);
  });

  it.each(['not-a-uuid', '3f1c2b9a-7d4e-6c1b-9a2f-5e6d7c8b9a0f', '3f1c2b9a-7d4e-4c1b-7a2f-5e6d7c8b9a0f', ''])(
    'replaces %j with a random UUID',
    async (given) => {
      const { post } = await startTestGateway();
      const response = await post(
        '/v1/chat/completions',
        chatBody('hi'),
        given === '' ? {} : { 'helicone-request-id': given },
      );
      const id = response.headers.get('helicone-id');
      expect(id).toMatch(uuid);
      expect(id).not.toBe(given);
    },
  );

  it('tells which provider and model served', async () => {
    const { post } = await startTestGateway();
    const response = await post('/v1/chat/completions', { ...chatBody('hi'), model: 'claude-3.5-haiku' });
    expect(response.headers.get('helicone-provider')).toBe('anthropic');
    expect(response.headers.get('helicone-model')).toBe('claude-3-5-haiku-20241022');
    expect(((await response.json()) as { model: string }).model).toBe('claude-3-5-haiku-20241022');
  });
});
