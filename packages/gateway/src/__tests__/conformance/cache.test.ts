import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { chatBody, ssePayloads, startTestGateway } from '../helpers';

const on = { 'helicone-cache-enabled': 'true' };

describe('HELICONE.md §2.2 cache', () => {
  it('misses, then hits with the bucket index and the original latency', async () => {
    const { post, rows } = await startTestGateway();
    const first = await post('/v1/chat/completions', chatBody('cache me'), on);
    expect(first.headers.get('helicone-cache')).toBe('MISS');
    expect(first.headers.get('helicone-cache-bucket-idx')).toBeNull();
    const firstBody = await first.text();
    const second = await post('/v1/chat/completions', chatBody('cache me'), on);
    expect(second.headers.get('helicone-cache')).toBe('HIT');
    expect(second.headers.get('helicone-cache-bucket-idx')).toBe('0');
    expect(second.headers.get('helicone-provider')).toBe(first.headers.get('helicone-provider'));
    expect(second.headers.get('helicone-gateway-mode')).toBe('PTB');
    expect(second.headers.get('helicone-cache-latency')).toMatch(/^\d+$/);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('helicone-id')).not.toBe(first.headers.get('helicone-id'));
    expect(rows().map((row) => [row.cache_hit, row.cost_usd === 0])).toEqual([
      [0, false],
      [1, true],
    ]);
  });

  it('sends no Helicone-Cache header when the cache is off, and keys on the body and the seed', async () => {
    const { post } = await startTestGateway();
    expect((await post('/v1/chat/completions', chatBody('a'))).headers.get('helicone-cache')).toBeNull();
    await post('/v1/chat/completions', chatBody('a'), on);
    expect((await post('/v1/chat/completions', chatBody('b'), on)).headers.get('helicone-cache')).toBe(
      'MISS',
    );
    expect(
      (
        await post('/v1/chat/completions', chatBody('a'), { ...on, 'helicone-cache-seed': 'user-2' })
      ).headers.get('helicone-cache'),
    ).toBe('MISS');
    expect(
      (
        await post('/v1/chat/completions', chatBody('a'), { ...on, 'helicone-cache-seed': 'user-2' })
      ).headers.get('helicone-cache'),
    ).toBe('HIT');
  });

  it('fills a bucket of 3 with 3 different answers before it hits, and returns one of them', async () => {
    const { post } = await startTestGateway();
    const headers = { ...on, 'helicone-cache-bucket-max-size': '3' };
    const answers: string[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await post('/v1/chat/completions', chatBody('bucket'), headers);
      expect(response.headers.get('helicone-cache')).toBe('MISS');
      answers.push(
        ((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message
          .content,
      );
    }
    expect(new Set(answers).size).toBe(3);
    for (let index = 0; index < 5; index++) {
      const hit = await post('/v1/chat/completions', chatBody('bucket'), headers);
      expect(hit.headers.get('helicone-cache')).toBe('HIT');
      const bucketIndex = Number(hit.headers.get('helicone-cache-bucket-idx'));
      expect(
        ((await hit.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content,
      ).toBe(answers[bucketIndex]);
    }
  });

  it('refuses a bucket above 20 as the real gateway does', async () => {
    const { post } = await startTestGateway();
    const response = await post('/v1/chat/completions', chatBody('x'), {
      ...on,
      'helicone-cache-bucket-max-size': '21',
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Cache bucket size cannot be greater than 20');
    const cacheOff = await post('/v1/chat/completions', chatBody('x'), {
      'helicone-cache-bucket-max-size': '21',
    });
    expect(cacheOff.status).toBe(200);
  });

  it('expires entries after Cache-Control max-age, scaled by timeScale', async () => {
    // 1000 s scaled by 0.001: a second to hit (ample on a busy machine), then past it the entry is gone.
    const { post } = await startTestGateway({ timeScale: 0.001 });
    const headers = { ...on, 'cache-control': 'max-age=1000' };
    await post('/v1/chat/completions', chatBody('ttl'), headers);
    expect((await post('/v1/chat/completions', chatBody('ttl'), headers)).headers.get('helicone-cache')).toBe(
      'HIT',
    );
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await post('/v1/chat/completions', chatBody('ttl'), headers)).headers.get('helicone-cache')).toBe(
      'MISS',
    );
  });

  it('honours the save-only and read-only switches and the ignored keys', async () => {
    const { post } = await startTestGateway();
    // Save-only writes but never reads (no header); read-only reads but never writes (always a miss). As on the
    // real gateway, the key covers the helicone-cache* headers, so the two never share an entry.
    const save = { 'helicone-cache-save': 'true' };
    expect(
      (await post('/v1/chat/completions', chatBody('switches'), save)).headers.get('helicone-cache'),
    ).toBeNull();
    expect(
      (await post('/v1/chat/completions', chatBody('switches'), save)).headers.get('helicone-cache'),
    ).toBeNull();
    const read = { 'helicone-cache-read': 'true' };
    expect(
      (await post('/v1/chat/completions', chatBody('switches'), read)).headers.get('helicone-cache'),
    ).toBe('MISS');
    expect(
      (await post('/v1/chat/completions', chatBody('switches'), read)).headers.get('helicone-cache'),
    ).toBe('MISS');
    const both = { ...save, ...read };
    await post('/v1/chat/completions', chatBody('switches'), both);
    expect(
      (await post('/v1/chat/completions', chatBody('switches'), both)).headers.get('helicone-cache'),
    ).toBe('HIT');
    const ignoring = { ...on, 'helicone-cache-ignore-keys': 'request_id,user' };
    await post('/v1/chat/completions', { ...chatBody('ignore'), request_id: 1 }, ignoring);
    expect(
      (await post('/v1/chat/completions', { ...chatBody('ignore'), request_id: 2 }, ignoring)).headers.get(
        'helicone-cache',
      ),
    ).toBe('HIT');
  });

  it('replays a cached stream by default, and skips streams with streamCache "skip"', async () => {
    const replay = await startTestGateway();
    const body = chatBody('stream cache', { stream: true });
    const original = await (await replay.post('/v1/chat/completions', body, on)).text();
    const hit = await replay.post('/v1/chat/completions', body, on);
    expect(hit.headers.get('helicone-cache')).toBe('HIT');
    expect(hit.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(ssePayloads(await hit.text())).toEqual(ssePayloads(original));

    const skip = await startTestGateway({ streamCache: 'skip' });
    await (await skip.post('/v1/chat/completions', body, on)).text();
    const again = await skip.post('/v1/chat/completions', body, on);
    expect(again.headers.get('helicone-cache')).toBeNull();
    await again.text();
    expect(skip.rows().map((row) => row.cache_hit)).toEqual([0, 0]);
  });

  it('answers a hit of the other kind (stream among the ignored keys) in the kind the request asked for', async () => {
    const { post } = await startTestGateway();
    const headers = { ...on, 'helicone-cache-ignore-keys': 'stream' };
    type Chunk = {
      id: string;
      choices: { delta: { content?: string }; finish_reason: string | null }[];
      usage?: Record<string, number>;
    };
    const streamed = await post('/v1/chat/completions', chatBody('both kinds', { stream: true }), headers);
    expect(streamed.headers.get('helicone-cache')).toBe('MISS');
    const chunks = ssePayloads(await streamed.text())
      .slice(0, -1)
      .map((payload) => JSON.parse(payload) as Chunk);
    const streamedText = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    const streamedUsage = chunks.at(-1)!.usage!;
    expect(streamedText.length).toBeGreaterThan(0);

    const folded = await post('/v1/chat/completions', chatBody('both kinds'), headers);
    expect(folded.headers.get('helicone-cache')).toBe('HIT');
    expect(folded.headers.get('content-type')).toContain('application/json');
    expect(await folded.json()).toMatchObject({
      id: chunks[0]!.id,
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: streamedText }, finish_reason: 'stop' }],
      usage: streamedUsage,
    });

    const other = 'json first';
    const json = (await (await post('/v1/chat/completions', chatBody(other), headers)).json()) as {
      id: string;
      choices: { message: { content: string } }[];
      usage: Record<string, number>;
    };
    const replayed = await post('/v1/chat/completions', chatBody(other, { stream: true }), headers);
    expect(replayed.headers.get('helicone-cache')).toBe('HIT');
    expect(replayed.headers.get('content-type')).toContain('text/event-stream');
    const payloads = ssePayloads(await replayed.text());
    expect(payloads.at(-1)).toBe('[DONE]');
    const replayedChunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    expect(replayedChunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      json.choices[0]!.message.content,
    );
    expect(replayedChunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    expect(replayedChunks.at(-1)).toMatchObject({ id: json.id, choices: [], usage: json.usage });
  });

  it('folds a cached legacy completion stream into a text_completion body', async () => {
    const { post } = await startTestGateway();
    const headers = { ...on, 'helicone-cache-ignore-keys': 'stream' };
    const body = { model: 'gpt-3.5-turbo-instruct', prompt: 'fold the text', max_tokens: 6 };
    const streamed = await post('/v1/completions', { ...body, stream: true }, headers);
    const chunks = ssePayloads(await streamed.text())
      .slice(0, -1)
      .map((payload) => JSON.parse(payload) as { choices: { text?: string }[]; usage?: unknown });
    const text = chunks.map((chunk) => chunk.choices[0]?.text ?? '').join('');
    const folded = await post('/v1/completions', body, headers);
    expect(folded.headers.get('helicone-cache')).toBe('HIT');
    const foldedBody = (await folded.json()) as { choices: Record<string, unknown>[] };
    expect(foldedBody.choices[0]).not.toHaveProperty('message');
    expect(foldedBody).toMatchObject({
      object: 'text_completion',
      model: 'gpt-3.5-turbo-instruct',
      choices: [{ text, index: 0, logprobs: null, finish_reason: 'length' }],
      usage: chunks.at(-1)!.usage,
    });
  });

  describe('TTL from Cache-Control (the clock faked: Date only, HTTP stays real)', () => {
    const day = 86_400_000;
    /** Saves an answer with these headers, then asks again `later` ms after the save. */
    async function cacheAfter(headers: Record<string, string>, laterMs: number[]): Promise<string[]> {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 1) });
      onTestFinished(() => void vi.useRealTimers());
      const { post } = await startTestGateway();
      const prompt = chatBody(`ttl ${JSON.stringify(headers)}`);
      expect((await post('/v1/chat/completions', prompt, headers)).headers.get('helicone-cache')).toBe(
        'MISS',
      );
      const savedAt = Date.now();
      const results: string[] = [];
      for (const later of laterMs) {
        vi.setSystemTime(savedAt + later);
        // A miss saves again, so only the last probe of a list may miss.
        const response = await post('/v1/chat/completions', prompt, headers);
        results.push(response.headers.get('helicone-cache') ?? 'none');
      }
      return results;
    }

    it('keeps an answer 7 days without Cache-Control', async () => {
      expect(await cacheAfter(on, [7 * day - 1000, 7 * day + 1000])).toEqual(['HIT', 'MISS']);
    });

    it('lets s-maxage win over max-age, in either order', async () => {
      const shared = { ...on, 'cache-control': 'max-age=60, s-maxage=3600' };
      expect(await cacheAfter(shared, [120_000, 3_599_000, 3_601_000])).toEqual(['HIT', 'HIT', 'MISS']);
      const sharedFirst = { ...on, 'cache-control': 's-maxage=60, max-age=3600' };
      expect(await cacheAfter(sharedFirst, [59_000, 61_000])).toEqual(['HIT', 'MISS']);
    });

    it('clamps a max-age above 365 days to 365 days', async () => {
      const twoYears = { ...on, 'cache-control': `max-age=${2 * 365 * 86_400}` };
      expect(await cacheAfter(twoYears, [365 * day - 1000, 365 * day + 1000])).toEqual(['HIT', 'MISS']);
    });
  });
});
