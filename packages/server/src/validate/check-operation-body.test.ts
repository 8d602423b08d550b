import { describe, expect, it } from 'vitest';
import { chatBody, testRoute } from '../__tests__/support/test-route';

const fallbacks = (count: number) => Array.from({ length: count }, (_, index) => `model-${index}`).join(',');

describe('fields the route restricts', () => {
  it('a model string with up to 16 fallback entries passes; 17 or more is a 400 too_many_models', async () => {
    const { post, upstream } = testRoute();
    expect(
      (await post('/api/helicone/chat/completions', chatBody({ model: fallbacks(16) }))).response.status,
    ).toBe(200);
    for (const count of [17, 10_000]) {
      const { response, json } = await post(
        '/api/helicone/chat/completions',
        chatBody({ model: fallbacks(count) }),
      );
      expect(response.status).toBe(400);
      expect(json.error).toEqual({
        message: 'The model string lists more than 16 models.',
        type: 'invalid_request_error',
        code: 'too_many_models',
        param: 'model',
      });
    }
    const embedding = await post('/api/helicone/embeddings', { model: fallbacks(17), input: 'x' });
    expect(embedding.json.error.code).toBe('too_many_models');
    expect(upstream.calls).toHaveLength(1);
  });

  it('n (and best_of for completions) above limits.maxChoices, default 8, is a 400 naming the param', async () => {
    const { post, upstream } = testRoute();
    expect((await post('/api/helicone/chat/completions', chatBody({ n: 8 }))).response.status).toBe(200);
    const chat = await post('/api/helicone/chat/completions', chatBody({ n: 9 }));
    expect(chat.response.status).toBe(400);
    expect(chat.json.error).toMatchObject({ code: 'too_many_choices', param: 'n' });
    const completion = await post('/api/helicone/completions', {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'x',
      best_of: 9,
    });
    expect(completion.json.error).toMatchObject({ code: 'too_many_choices', param: 'best_of' });
    expect(upstream.calls).toHaveLength(1);

    const wider = testRoute({ limits: { maxChoices: 20 } });
    expect((await wider.post('/api/helicone/chat/completions', chatBody({ n: 20 }))).response.status).toBe(
      200,
    );
    expect((await wider.post('/api/helicone/chat/completions', chatBody({ n: 21 }))).response.status).toBe(
      400,
    );
  });

  it('plugins are dropped unless clientMay.plugins', async () => {
    const plugins = [{ id: 'web', max_results: 50 }];
    const strict = testRoute();
    await strict.post('/api/helicone/chat/completions', chatBody({ plugins }));
    expect(strict.upstream.last.json).toEqual(chatBody());

    const open = testRoute({ clientMay: { plugins: true } });
    await open.post('/api/helicone/chat/completions', chatBody({ plugins }));
    expect(open.upstream.last.json).toEqual(chatBody({ plugins }));
  });
});
