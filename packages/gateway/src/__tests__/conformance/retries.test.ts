import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

type Outcome = { status: number; retryDelayMs?: number };

describe('HELICONE.md §2.3 retries', () => {
  it('waits exactly min, min·factor, ... capped at max between tries, then succeeds', async () => {
    const { post, rows } = await startTestGateway({
      timeScale: 0.01,
      faults: { openai: { type: 'status', status: 429, times: 4 } },
    });
    const response = await post('/v1/chat/completions', chatBody('retry', { model: 'gpt-4o-mini/openai' }), {
      'helicone-retry-enabled': 'true',
      'helicone-retry-num': '5',
      'helicone-retry-factor': '3',
      'helicone-retry-min-timeout': '100',
      'helicone-retry-max-timeout': '2000',
    });
    expect(response.status).toBe(200);
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
    const { post, rows } = await startTestGateway({
      timeScale: 0.0001,
      faults: { openai: { type: 'status', status: 500 } },
    });
    const response = await post('/v1/chat/completions', chatBody('retry', { model: 'gpt-4o-mini/openai' }), {
      'helicone-retry-enabled': 'true',
    });
    expect(response.status).toBe(500);
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
