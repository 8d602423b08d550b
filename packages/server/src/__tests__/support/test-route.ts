import { createHeliconeHandler } from '../../create-helicone-handler';
import type { HeliconeHandlerOptions } from '../../options/helicone-handler-options';
import { captureLog, readChecked } from './no-secret';
import { recordingUpstream, type Responder } from './recording-upstream';

// Not `sk-helicone-…`: core masks that pattern itself, which would hide a gap in the route's own redaction.
export const TEST_KEY = 'route-test-key-4f2a9c1d8e7b6a5f';
export const ORIGIN = 'https://app.example.com';
export const BASE = `${ORIGIN}/api/helicone`;

// Tests read error bodies and completions alike; the assertions check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sent = { response: Response; text: string; json: any };

/**
 * The handler wired to a recording upstream and a captured log. Every answer goes through `send`, which reads it
 * whole and fails the test if the key shows up in it (or, via `expectCleanLog`, in the log).
 */
export function testRoute(options: HeliconeHandlerOptions = {}, respond?: Responder) {
  const upstream = recordingUpstream(respond);
  const log = captureLog();
  const handler = createHeliconeHandler({
    apiKey: TEST_KEY,
    baseURL: 'https://gateway.test/v1',
    apiBaseURL: 'https://api.test',
    fetch: upstream.fetch,
    logger: log.logger,
    ...options,
  });
  const send = async (path: string, init: RequestInit = {}): Promise<Sent> => {
    const response = await handler(new Request(`${ORIGIN}${path}`, init));
    const text = await readChecked(response, TEST_KEY);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    log.expectClean(TEST_KEY);
    return { response, text, json };
  };
  const post = (path: string, body: unknown, headers: HeadersInit = {}) =>
    send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...Object.fromEntries(new Headers(headers)) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { handler, upstream, log, send, post };
}

export const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  ...extra,
});
