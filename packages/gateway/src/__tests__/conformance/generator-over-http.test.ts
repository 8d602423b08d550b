import { readFileSync } from 'node:fs';
import { encode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../helpers';

describe('offline generator through the SDK', () => {
  it('max_tokens: 5 gives exactly 5 tokens and finish_reason length', async () => {
    const { client } = await startTestGateway();
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Explain rate limits' }],
      max_tokens: 5,
    });
    expect(encode(completion.choices[0]!.message.content!)).toHaveLength(5);
    expect(completion.choices[0]!.finish_reason).toBe('length');
    expect(completion.usage!.completion_tokens).toBe(5);
  });

  it('max_tokens: 5 on a reasoning model (o4-mini) is spent on reasoning first, as OpenAI counts it', async () => {
    const { client } = await startTestGateway();
    const ask = { model: 'o4-mini', messages: [{ role: 'user' as const, content: 'Explain retries' }] };
    const completion = await client.chat.completions.create({ ...ask, max_tokens: 5 });
    const choice = completion.choices[0]!;
    const message = choice.message as typeof choice.message & { reasoning?: string };
    expect(encode(message.reasoning!)).toHaveLength(5);
    expect(message.content).toBe('');
    expect(choice.finish_reason).toBe('length');
    expect(completion.usage).toMatchObject({
      completion_tokens: 5,
      completion_tokens_details: { reasoning_tokens: 5 },
    });

    const stream = await client.chat.completions.create({ ...ask, max_completion_tokens: 5, stream: true });
    let reasoning = '';
    let content = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      const delta: { content?: string | null; reasoning?: string } | undefined = chunk.choices[0]?.delta;
      reasoning += delta?.reasoning ?? '';
      content += delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(reasoning).toBe(message.reasoning);
    expect(content).toBe('');
    expect(finish).toBe('length');
    expect(usage).toMatchObject({ completion_tokens: 5, completion_tokens_details: { reasoning_tokens: 5 } });

    // A budget above the reasoning: the answer gets the rest, to exactly max_tokens in all.
    const free = await client.chat.completions.create(ask);
    const reasoningTokens = free.usage!.completion_tokens_details!.reasoning_tokens!;
    expect(reasoningTokens).toBeGreaterThan(5);
    const wide = await client.chat.completions.create({ ...ask, max_tokens: reasoningTokens + 10 });
    expect(encode(wide.choices[0]!.message.content!)).toHaveLength(10);
    expect(wide.choices[0]!.finish_reason).toBe('length');
    expect(wide.usage).toMatchObject({
      completion_tokens: reasoningTokens + 10,
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
    });
  });

  it('max_tokens cuts a tool call: arguments that are not JSON, finish_reason length', async () => {
    const { client } = await startTestGateway();
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Call get_weather for Paris' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string', minLength: 20 } },
              required: ['city'],
            },
          },
        },
      ],
      max_tokens: 5,
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('length');
    const call = choice.message.tool_calls![0]! as { function: { name: string; arguments: string } };
    expect(call.function.name).toBe('get_weather');
    expect(() => JSON.parse(call.function.arguments) as unknown).toThrow();
    expect(encode(call.function.name).length + encode(call.function.arguments).length).toBe(5);
    expect(completion.usage!.completion_tokens).toBe(5);
  });

  it('never sends a stop string, and different prompts give different text', async () => {
    const { client } = await startTestGateway();
    const ask = async (content: string, stop?: string) =>
      (
        await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content }],
          ...(stop ? { stop } : {}),
        })
      ).choices[0]!.message.content!;
    const full = await ask('Explain fallbacks');
    expect(await ask('Explain caching')).not.toBe(full);
    const stop = full.slice(30, 33);
    const cut = await ask('Explain fallbacks', stop);
    expect(cut).not.toContain(stop);
    expect(full.startsWith(cut)).toBe(true);
  });

  it('legacy completions: 16 tokens by default, streamed or not', async () => {
    const { client } = await startTestGateway();
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Write a tagline',
    });
    expect(completion.object).toBe('text_completion');
    expect(encode(completion.choices[0]!.text)).toHaveLength(16);
    expect(completion.choices[0]!.finish_reason).toBe('length');
    const stream = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Write a tagline',
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe(completion.choices[0]!.text);
  });

  it('embeddings: unit vectors of the real dimension, deterministic, float and base64', async () => {
    const { client, post } = await startTestGateway();
    const small = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['one fish', 'two fish'],
    });
    expect(small.data).toHaveLength(2);
    expect(small.data[0]!.embedding).toHaveLength(1536);
    expect(Math.hypot(...small.data[0]!.embedding)).toBeCloseTo(1, 5);
    expect(small.data[0]!.embedding).not.toEqual(small.data[1]!.embedding);
    const large = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'one fish' });
    expect(large.data[0]!.embedding).toHaveLength(3072);
    const again = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'one fish' });
    expect(again.data[0]!.embedding).toEqual(small.data[0]!.embedding);
    const floats = (await (
      await post('/v1/embeddings', {
        model: 'text-embedding-3-small',
        input: 'one fish',
        encoding_format: 'float',
      })
    ).json()) as {
      data: { embedding: number[] }[];
      usage: { prompt_tokens: number };
    };
    expect(floats.usage.prompt_tokens).toBe(encode('one fish').length);
    expect(floats.data[0]!.embedding[0]).toBeCloseTo(small.data[0]!.embedding[0]!, 6);
    const shortened = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'x',
      dimensions: 256,
    });
    expect(shortened.data[0]!.embedding).toHaveLength(256);
  });
  it('embeddings answer in the shape OpenAI recorded for the same request', async () => {
    // fixtures/non-stream: OpenAI's answer to input ["One fish","two fish","red fish","blue fish"] (vectors cut to 8).
    const recorded = JSON.parse(
      readFileSync(
        new URL(
          '../../../../../fixtures/non-stream/openai-embeddings.text-embedding-3-small.truncated.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { object: string; model: string; data: { object: string; index: number }[]; usage: object };
    const { post } = await startTestGateway();
    const answer = (await (
      await post('/v1/embeddings', {
        model: 'text-embedding-3-small',
        input: ['One fish', 'two fish', 'red fish', 'blue fish'],
        encoding_format: 'float',
      })
    ).json()) as typeof recorded & { data: { embedding: number[] }[] };
    expect(answer.object).toBe('list');
    expect(answer.model).toBe(recorded.model);
    expect(answer.data.map(({ object, index }) => ({ object, index }))).toEqual(
      recorded.data.map(({ object, index }) => ({ object, index })),
    );
    expect(answer.usage).toEqual(recorded.usage); // { prompt_tokens: 8, total_tokens: 8 }
    for (const item of answer.data) expect(item.embedding).toHaveLength(1536);
  });
});
