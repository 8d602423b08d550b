import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { startLocalGateway } from '../start-local-gateway';
import type { LocalGateway, LocalGatewayOptions } from '../types';

const started: LocalGateway[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((gateway) => gateway.close()));
});

export function temporaryDatabase(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'helicone-kit-gateway-')), 'gateway.db');
}

/** A gateway on a free loopback port with its log in a temporary file, closed after each test. */
export async function startTestGateway(options: LocalGatewayOptions = {}) {
  const database = options.database ?? temporaryDatabase();
  const warnings: string[] = [];
  const gateway = await startLocalGateway({
    onWarning: (message) => warnings.push(message),
    ...options,
    database,
  });
  started.push(gateway);
  const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.apiKey, maxRetries: 0 });
  const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${pathname}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** Rows of the request log, read through a second connection (WAL allows it while the gateway runs). */
  const rows = () => {
    const reader = new Database(database, { readonly: true });
    try {
      return reader.prepare('SELECT * FROM requests ORDER BY created_at, request_id').all() as Record<
        string,
        unknown
      >[];
    } finally {
      reader.close();
    }
  };
  return { gateway, client, post, rows, database, warnings };
}

/** The `data:` payloads of an SSE body, `[DONE]` included. */
export function ssePayloads(text: string): string[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}

export const chatBody = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content }],
  ...extra,
});
