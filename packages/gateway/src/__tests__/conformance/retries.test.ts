import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

type Outcome = { status: number; retryDelayMs?: number };

/** Milliseconds a request takes from send to the end of its body. */
async function timed(send: () => Promise<Response>): Promise<{ response: Response; elapsedMs: number }> {
  const started = performance.now();
  const response = await send();
  await response.arrayBuffer();
  return { response, elapsedMs: performance.now() - started };
}

describe('HELICONE.md §2.3 retries', () => {
  it('waits exactly min, min·factor, ... capped at max between tries, then succeeds', async () => {
    const timeScale = 0.1;
    const { post, rows } = await startTestGateway({
      timeScale,
      faults: { openai: { type: 'status', status: 429, times: 4 } },
    });
    const { response, elapsedMs } = await timed(() =>
      post('/v1/chat/completions', chatBody('retry', { model: 'gpt-4o-mini/openai' }), {
        'helicone-retry-enabled': 'true',
        'helicone-retry-num': '5',
        'helicone-retry-factor': '3',
        'helicone-retry-min-timeout': '100',
        'helicone-retry-max-timeout': '2000',
      }),
    );
    expect(response.status).toBe(200);
    // The waits really happen (a lower bound only, less 1 ms per wait of timer rounding): 100 + 300 + 900 +
    // 2000 ms, scaled.
    expect(elapsedMs).toBeGreaterThanOrEqual((100 + 300 + 900 + 2000) * timeScale - 4);
    const attempts = JSON.parse(rows()[0]!.attempts as string) as Outcome[];
    expect(attempts.map((outcome) => [outcome.status, outcome.retryDelayMs])).toEqual([
      [429, 100],
      [429, 300],
      [429, 900],
      [429, 2000],
      [200, undefined],
    ]);
  });

  it("uses Helicone's defaults (5 retries, factor 2, 1 s to 10 s) and gives up after them", async () => {
    const timeScale = 0.01;
    const { post, rows } = await startTestGateway({
      timeScale,
      faults: { openai: { type: 'status', status: 500 } },
    });
    const { response, elapsedMs } = await timed(() =>
      post('/v1/chat/completions', chatBody('retry', { model: 'gpt-4o-mini/openai' }), {
        'helicone-retry-enabled': 'true',
      }),
    );
    expect(response.status).toBe(500);
    expect(elapsedMs).toBeGreaterThanOrEqual((1000 + 2000 + 4000 + 8000 + 10000) * timeScale - 5);
    const attempts = JSON.parse(rows()[0]!.attempts as string) as Outcome[];
    expect(attempts.map((outcome) => outcome.retryDelayMs)).toEqual([
      1000,
      2000,
      4000,
      8000,
      10000,
      undefined,
    ]);
  });

  it('does not retry without Helicone-Retry-Enabled, nor on a 400', async () => {
    const { post, rows } = await startTestGateway({ faults: { openai: { type: 'status', status: 500 } } });
    await post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }), {
      'helicone-retry-num': '3',
    });
    expect(JSON.parse(rows()[0]!.attempts as string)).toHaveLength(1);
    const other = await startTestGateway({ faults: { openai: { type: 'status', status: 400 } } });
    await other.post('/v1/chat/completions', chatBody('x', { model: 'gpt-4o-mini/openai' }), {
      'helicone-retry-enabled': 'true',
    });
    expect(JSON.parse(other.rows()[0]!.attempts as string)).toHaveLength(1);
  });
});
