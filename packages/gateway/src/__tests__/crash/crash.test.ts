import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { temporaryDatabase } from '../helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
// tsx's loader in this very process (not the tsx CLI, which would put a wrapper process between the test and
// the gateway, so that SIGKILL would hit the wrapper and leave the gateway running).
const tsxLoader = pathToFileURL(path.resolve(here, '../../../../../node_modules/tsx/dist/loader.mjs')).href;

/**
 * One call on its own connection (no keep-alive). Resolves to the answer's `Helicone-Id` if its last byte arrived
 * (`data: [DONE]` for a stream, the whole JSON body otherwise), whatever happens to the connection afterwards;
 * to null otherwise.
 */
function call(url: string, apiKey: string, requestId: string, stream: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    const body = JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `crash ${requestId}` }],
      max_tokens: 24,
      stream,
    });
    const outgoing = request(
      `${url}/v1/chat/completions`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'helicone-request-id': requestId,
          connection: 'close',
        },
      },
      (response) => {
        const heliconeId = response.headers['helicone-id'];
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', () => {});
        response.once('close', () => {
          if (response.statusCode !== 200 || typeof heliconeId !== 'string') return resolve(null);
          if (stream) return resolve(text.endsWith('data: [DONE]\n\n') ? heliconeId : null);
          try {
            const answer = JSON.parse(text) as { object?: string };
            resolve(answer.object === 'chat.completion' ? heliconeId : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    outgoing.on('error', () => resolve(null));
    outgoing.end(body);
  });
}

describe('crash (kill -9 under load)', () => {
  it('keeps exactly the rows of the answers whose last byte the clients received, in an intact database', async () => {
    const database = temporaryDatabase();
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsxLoader,
        '--conditions=@helicone-kit/source',
        path.join(here, 'child-gateway.ts'),
        database,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const { url, apiKey } = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('\n'))
          resolve(JSON.parse(output.split('\n')[0]!) as { url: string; apiKey: string });
      });
      child.once('exit', () => reject(new Error('the child gateway exited before listening')));
    });

    const sent = new Set<string>();
    const received = new Set<string>();
    let killed = false;
    const worker = async (index: number) => {
      for (let round = 0; !killed; round++) {
        const requestId = randomUUID();
        sent.add(requestId);
        const heliconeId = await call(url, apiKey, requestId, (index + round) % 3 !== 0);
        if (heliconeId !== null) received.add(heliconeId);
      }
    };
    const concurrency = 24;
    const workers = Array.from({ length: concurrency }, (_, index) => worker(index));
    const deadline = Date.now() + 40_000;
    while (received.size < 200) {
      if (Date.now() > deadline)
        throw new Error(`Only ${received.size} of ${sent.size} answers arrived in full in 40 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(child.kill('SIGKILL')).toBe(true);
    killed = true;
    expect(await exited).toBe(null);
    await Promise.all(workers);

    const reopened = new Database(database);
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = reopened.prepare('SELECT request_id, status FROM requests').all() as {
        request_id: string;
        status: string;
      }[];
      expect(rows.every((row) => row.status === 'success')).toBe(true);
      // A row is committed right before its answer's last bytes are written, in the same synchronous step, so
      // every answer received in full has its row; the other way round only a kill in the microseconds between
      // the commit and the write would leave a row without its answer.
      const logged = rows.map((row) => row.request_id).sort();
      expect(logged).toEqual([...received].sort());
      for (const id of logged) expect(sent.has(id)).toBe(true);
    } finally {
      reopened.close();
    }
  }, 60_000);
});
