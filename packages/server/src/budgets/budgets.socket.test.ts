import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChecked } from '../__tests__/support/no-secret';
import { startRouteServer, type RouteServer } from '../__tests__/support/route-server';

let route: RouteServer;

beforeAll(async () => {
  route = await startRouteServer({
    // 5 cents a day per user; the local gateway enforces Helicone's cents policy per Helicone-User-Id.
    budgets: { cents: 5, windowSeconds: 86_400 },
    authorize: (request) => ({ userId: request.headers.get('x-test-user') ?? 'anonymous' }),
  });
});
afterAll(async () => {
  route.log.expectClean(route.gateway.apiKey);
  await route.close();
});

// claude-opus-4-1 costs $75 per 1M output tokens: 400 tokens are 3 cents.
const expensive = (user: string) =>
  fetch(`${route.base}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-user': user },
    body: JSON.stringify({
      model: 'claude-opus-4-1',
      messages: [{ role: 'user', content: 'Write a long, detailed answer about rivers.' }],
      max_tokens: 400,
    }),
  });

describe('budgets against the local gateway', () => {
  it('user A gets a 429 once their spend passes the budget, while user B is unaffected', async () => {
    const statuses: number[] = [];
    let spentCents = 0;
    let lastCents = 0;
    for (let call = 0; call < 12 && !statuses.includes(429); call += 1) {
      const response = await expensive('user-a');
      const text = await readChecked(response, route.gateway.apiKey);
      statuses.push(response.status);
      if (response.status === 200) {
        const requestId = response.headers.get('helicone-id')!;
        lastCents = ((await route.logged(requestId))!.cost as number) * 100;
        spentCents += lastCents;
      } else {
        expect(response.status).toBe(429);
        expect(JSON.parse(text).error.type).toBe('rate_limit_error');
        expect(response.headers.get('helicone-ratelimit-policy')).toMatch(/^5;w=86400;u=cents;s=user$/);
      }
    }
    expect(statuses.at(-1)).toBe(429);
    // Refused once the budget was spent, neither before nor later.
    expect(spentCents).toBeGreaterThanOrEqual(5);
    expect(spentCents - lastCents).toBeLessThan(5);
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);

    const other = await expensive('user-b');
    await readChecked(other, route.gateway.apiKey);
    expect(other.status).toBe(200);
  });
});
