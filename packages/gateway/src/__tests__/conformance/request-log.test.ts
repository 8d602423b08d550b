import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { chatBody, startTestGateway } from '../helpers';

const requestId = '0b6f7e2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('request log (SQLite, WAL)', () => {
  it('records times, models, provider, tokens, user, session, properties and bodies', async () => {
    const { post, rows } = await startTestGateway();
    const body = { ...chatBody('Log me'), model: 'claude-3.5-sonnet', max_tokens: 7 };
    const response = await post('/v1/chat/completions', body, {
      'helicone-request-id': requestId,
      'helicone-user-id': 'user-42',
      'helicone-session-id': 'session-1',
      'helicone-session-path': '/chat/turn',
      'helicone-session-name': 'Support',
      'helicone-property-environment': 'test',
      'helicone-prompt-id': 'greeting',
    });
    const answer = (await response.json()) as { usage: { prompt_tokens: number } };
    const [row] = rows();
    expect(row).toMatchObject({
      request_id: requestId,
      path: '/v1/chat/completions',
      status: 'success',
      http_status: 200,
      stream: 0,
      requested_model: 'claude-3.5-sonnet',
      model: 'claude-3-5-sonnet-20241022',
      provider: 'anthropic',
      prompt_tokens: answer.usage.prompt_tokens,
      completion_tokens: 7,
      total_tokens: answer.usage.prompt_tokens + 7,
      cache_hit: 0,
      user_id: 'user-42',
      session_id: 'session-1',
      session_path: '/chat/turn',
      session_name: 'Support',
      properties: JSON.stringify({ environment: 'test' }),
      prompt_id: 'greeting',
    });
    expect(JSON.parse(row!.request_body as string)).toEqual(body);
    expect(JSON.parse(row!.response_body as string)).toEqual(answer);
    expect(row!.latency_ms).toBe((row!.completed_at as number) - (row!.created_at as number));
  });

  it('cuts Helicone-User-Id to 128 characters, as a legacy worker did (§2.1)', async () => {
    const { gateway, post, rows } = await startTestGateway();
    const longId = `user-${'x'.repeat(195)}`;
    await post('/v1/chat/completions', chatBody('who'), {
      'helicone-request-id': requestId,
      'helicone-user-id': longId,
    });
    expect(rows()[0]!.user_id).toBe(longId.slice(0, 128));
    const response = await fetch(`${gateway.url}/v1/request/${requestId}`, {
      headers: { authorization: `Bearer ${gateway.apiKey}` },
    });
    expect(
      ((await response.json()) as { data: { request_user_id: string } }).data.request_user_id,
    ).toHaveLength(128);
  });

  it('leaves the bodies out with Helicone-Omit-Request / -Response', async () => {
    const { post, rows } = await startTestGateway();
    await post('/v1/chat/completions', chatBody('secret'), {
      'helicone-omit-request': 'true',
      'helicone-omit-response': 'true',
    });
    expect(rows()[0]).toMatchObject({ request_body: null, response_body: null, status: 'success' });
  });

  it('records the time to first token of a stream', async () => {
    const { post, rows } = await startTestGateway({ pace: { firstTokenMs: 30, tokensPerSecond: 1000 } });
    await (await post('/v1/chat/completions', chatBody('ttft', { stream: true }))).text();
    const [row] = rows();
    expect(row!.stream).toBe(1);
    expect(row!.time_to_first_token_ms).toBeGreaterThanOrEqual(25);
    expect(row!.time_to_first_token_ms).toBeLessThanOrEqual(row!.latency_ms as number);
  });

  it('keeps a streamed answer as one chat.completion body, folded by core’s accumulator', async () => {
    const { client, rows } = await startTestGateway();
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'fold me' }],
      stream: true,
      max_tokens: 9,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    const body = JSON.parse(rows()[0]!.response_body as string) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'length' }],
      usage: { completion_tokens: 9 },
    });
  });

  it('logs errors too', async () => {
    const { post, rows } = await startTestGateway();
    await post('/v1/chat/completions', { model: 'no-such-model', messages: [] });
    expect(rows()[0]).toMatchObject({ status: 'error', http_status: 400, requested_model: 'no-such-model' });
  });

  it('keeps rows across a restart of the gateway on the same file', async () => {
    const first = await startTestGateway();
    await first.post('/v1/chat/completions', chatBody('persist'), { 'helicone-request-id': requestId });
    await first.gateway.close();
    const second = await startTestGateway({ database: first.database });
    const response = await fetch(`${second.gateway.url}/v1/request/${requestId}`, {
      headers: { authorization: `Bearer ${second.gateway.apiKey}` },
    });
    expect(((await response.json()) as { data: { request_id: string } }).data.request_id).toBe(requestId);
    const reader = new Database(first.database, { readonly: true });
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    reader.close();
  });
});

describe('HELICONE.md §4.1 feedback and §4.2 GET /v1/request/{id}', () => {
  it('stores a rating and returns it with the request', async () => {
    const { gateway, post } = await startTestGateway();
    await post('/v1/chat/completions', chatBody('rate me'), {
      'helicone-request-id': requestId,
      'helicone-user-id': 'u1',
    });
    const feedback = await post(`/v1/request/${requestId}/feedback`, { rating: true });
    expect(feedback.status).toBe(200);
    expect(await feedback.json()).toEqual({ data: null, error: null });
    const response = await fetch(`${gateway.url}/v1/request/${requestId}?includeBody=true`, {
      headers: { authorization: `Bearer ${gateway.apiKey}` },
    });
    const { data, error } = (await response.json()) as { data: Record<string, unknown>; error: null };
    expect(error).toBeNull();
    expect(data).toMatchObject({
      request_id: requestId,
      request_model: 'gpt-4o-mini',
      model: 'gpt-4o-mini',
      provider: 'openai',
      response_status: 200,
      feedback_rating: true,
      request_user_id: 'u1',
      request_body: chatBody('rate me'),
    });
    expect(typeof data.delay_ms).toBe('number');
  });

  it('keeps the session headers among request_properties, as Helicone stores them (§2.1)', async () => {
    const { gateway, post, rows } = await startTestGateway();
    await post('/v1/chat/completions', chatBody('session'), {
      'helicone-request-id': requestId,
      'helicone-session-id': 'session-7',
      'helicone-session-path': '/support/refund',
      'helicone-session-name': 'Customer Support',
      'helicone-property-team': 'red',
    });
    const response = await fetch(`${gateway.url}/v1/request/${requestId}`, {
      headers: { authorization: `Bearer ${gateway.apiKey}` },
    });
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    expect(data.request_properties).toEqual({
      team: 'red',
      'Helicone-Session-Id': 'session-7',
      'Helicone-Session-Path': '/support/refund',
      'Helicone-Session-Name': 'Customer Support',
    });
    expect(data).toMatchObject({ prompt_cache_read_tokens: 0, prompt_cache_write_tokens: 0 });
    // The log keeps the user's properties apart from the session columns.
    expect(rows()[0]!.properties).toBe(JSON.stringify({ team: 'red' }));
  });

  it('answers 404 for an unknown request, 400 for a rating that is not boolean, 401 without the key', async () => {
    const { gateway, post } = await startTestGateway();
    expect((await post(`/v1/request/${requestId}/feedback`, { rating: true })).status).toBe(404);
    await post('/v1/chat/completions', chatBody('x'), { 'helicone-request-id': requestId });
    expect((await post(`/v1/request/${requestId}/feedback`, { rating: 'yes' })).status).toBe(400);
    const anonymous = await fetch(`${gateway.url}/v1/request/${requestId}`);
    expect(anonymous.status).toBe(401);
  });
});
