import { encode } from 'gpt-tokenizer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateChat, type ChatRequestBody } from './generate-chat';

const options = { model: 'gpt-4o-mini', reasoning: false };
const ask = (content: string, extra: Partial<ChatRequestBody> = {}): ChatRequestBody => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

describe('generateChat', () => {
  it('gives the same answer for the same request, and a different one for another prompt', () => {
    const first = generateChat(ask('How do retries work?'), options);
    expect(generateChat(ask('How do retries work?'), options)).toEqual(first);
    expect(generateChat(ask('What is a cache bucket?'), options).choices[0]?.content).not.toBe(
      first.choices[0]?.content,
    );
  });

  it('changes the text with temperature, seed and model', () => {
    const base = generateChat(ask('Explain sessions'), options).choices[0]?.content;
    expect(generateChat(ask('Explain sessions', { temperature: 0.2 }), options).choices[0]?.content).not.toBe(
      base,
    );
    expect(generateChat(ask('Explain sessions', { seed: 7 }), options).choices[0]?.content).not.toBe(base);
    expect(
      generateChat(ask('Explain sessions'), { ...options, model: 'gpt-4o' }).choices[0]?.content,
    ).not.toBe(base);
  });

  it('stops at exactly max_tokens tokens with finish reason length', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (prompt, limit) => {
          const [choice] = generateChat(ask(prompt, { max_tokens: limit }), options).choices;
          expect(encode(choice!.content!).length).toBe(limit);
          expect(choice!.finishReason).toBe('length');
          expect(choice!.completionTokens).toBe(limit);
        },
      ),
      { numRuns: 100 },
    );
    const [five] = generateChat(ask('Tell me about the gateway', { max_tokens: 5 }), options).choices;
    expect(encode(five!.content!)).toHaveLength(5);
    expect(five!.finishReason).toBe('length');
  });

  it('never emits a stop string', () => {
    const full = generateChat(ask('Describe the request log'), options).choices[0]!.content!;
    const stop = full.slice(40, 44);
    const [choice] = generateChat(
      ask('Describe the request log', { stop: [stop, 'zzz-never'] }),
      options,
    ).choices;
    expect(choice!.content).toBe(full.slice(0, full.indexOf(stop)));
    expect(choice!.content).not.toContain(stop);
    expect(choice!.finishReason).toBe('stop');
  });

  it('gives n different choices', () => {
    const { choices } = generateChat(ask('Compare caching and retries', { n: 3 }), options);
    expect(choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    expect(new Set(choices.map((choice) => choice.content)).size).toBe(3);
  });

  it('writes markdown: lists, tables and code blocks appear across answers', () => {
    const texts = Array.from(
      { length: 40 },
      (_, index) => generateChat(ask(`question ${index}`), options).choices[0]!.content!,
    );
    expect(texts.some((text) => /^- /m.test(text))).toBe(true);
    expect(texts.some((text) => /^1\. /m.test(text))).toBe(true);
    expect(texts.some((text) => /^\| --- \| --- \| --- \|$/m.test(text))).toBe(true);
    expect(texts.some((text) => /^```\w+\n[\s\S]+?\n```$/m.test(text))).toBe(true);
  });

  it('echoes the topic of the question', () => {
    expect(generateChat(ask('Why does throttling matter?'), options).choices[0]!.content).toContain(
      'throttling',
    );
  });

  it('gives reasoning first for reasoning models, counted in completion tokens', () => {
    const [choice] = generateChat(ask('Plan a migration'), { ...options, reasoning: true }).choices;
    expect(choice!.reasoning).toMatch(/Plan a migration/);
    expect(choice!.reasoningTokens).toBe(encode(choice!.reasoning!).length);
    expect(choice!.completionTokens).toBe(encode(choice!.content!).length + choice!.reasoningTokens);
  });

  it('counts prompt tokens as OpenAI does: 3 per message, role, content, and 3 for the reply', () => {
    const { promptTokens } = generateChat(ask('Hello there'), options);
    expect(promptTokens).toBe(3 + 3 + encode('user').length + encode('Hello there').length);
  });
});
