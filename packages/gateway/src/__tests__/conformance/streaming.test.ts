import { encode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { chatBody, ssePayloads, startTestGateway } from '../helpers';

type Chunk = {
  id: string;
  object: string;
  model: string;
  choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
};

describe('HELICONE.md §6 streaming', () => {
  it('streams one token per chunk and ends with the choices:[] usage chunk, then [DONE]', async () => {
    const { post } = await startTestGateway();
    const response = await post(
      '/v1/chat/completions',
      chatBody('Tell me about streaming', { stream: true, max_tokens: 12 }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const payloads = ssePayloads(await response.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    const usageChunk = chunks.at(-1)!;
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toMatchObject({ completion_tokens: 12 });
    expect(
      chunks.slice(0, -1).every((chunk) => chunk.usage === null && chunk.object === 'chat.completion.chunk'),
    ).toBe(true);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    const contentChunks = chunks.filter(
      (chunk) => typeof chunk.choices[0]?.delta.content === 'string' && chunk.choices[0].delta.content !== '',
    );
    expect(contentChunks).toHaveLength(12);
    const text = contentChunks.map((chunk) => chunk.choices[0]!.delta.content).join('');
    expect(encode(text)).toHaveLength(12);
    expect(chunks.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'length' });
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it('gives the same bytes for the same request, streamed or not the same text', async () => {
    const { post } = await startTestGateway();
    const body = chatBody('Deterministic please', { stream: true, seed: 42 });
    const first = await (await post('/v1/chat/completions', body)).text();
    const second = await (await post('/v1/chat/completions', body)).text();
    expect(second).toBe(first);
    const whole = (await (await post('/v1/chat/completions', { ...body, stream: false })).json()) as {
      choices: { message: { content: string } }[];
    };
    const streamed = ssePayloads(first)
      .slice(0, -1)
      .map((payload) => {
        const content = (JSON.parse(payload) as Chunk).choices[0]?.delta.content;
        return typeof content === 'string' ? content : '';
      })
      .join('');
    expect(streamed).toBe(whole.choices[0]!.message.content);
  });

  it('works with the official openai SDK, n choices interleaved', async () => {
    const { client } = await startTestGateway();
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Two answers please' }],
      stream: true,
      n: 2,
    });
    const texts = ['', ''];
    let usage: unknown;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) texts[choice.index] += choice.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(texts[0]).not.toBe('');
    expect(texts[0]).not.toBe(texts[1]);
    expect(usage).toMatchObject({ completion_tokens: encode(texts[0]!).length + encode(texts[1]!).length });
  });

  it('streams delta.reasoning first for reasoning models, then content, then reasoning_details', async () => {
    const { post } = await startTestGateway();
    const response = await post('/v1/chat/completions', {
      ...chatBody('Think about caching', { stream: true }),
      model: 'o4-mini',
    });
    const chunks = ssePayloads(await response.text())
      .slice(0, -1)
      .map((payload) => JSON.parse(payload) as Chunk);
    const kinds = chunks.flatMap((chunk) =>
      chunk.choices.map((choice) =>
        'reasoning' in choice.delta ? 'reasoning' : choice.delta.content ? 'content' : 'other',
      ),
    );
    const firstContent = kinds.indexOf('content');
    expect(kinds.indexOf('reasoning')).toBeGreaterThan(0);
    expect(kinds.lastIndexOf('reasoning')).toBeLessThan(firstContent);
    const final = chunks.at(-2)!.choices[0]!;
    expect(final.finish_reason).toBe('stop');
    expect(final.delta.reasoning_details).toEqual([
      { thinking: expect.stringContaining('Think about caching'), signature: '' },
    ]);
  });
});
