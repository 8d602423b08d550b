import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { temporaryDatabase } from '../__tests__/helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = pathToFileURL(path.resolve(here, '../../../../node_modules/tsx/dist/loader.mjs')).href;

describe('helicone-kit-gateway CLI', () => {
  it('prints its URL and key, serves, and shuts down cleanly on SIGINT keeping the log', async () => {
    const database = temporaryDatabase();
    const child = spawn(
      process.execPath,
      [
        '--import',
        tsxLoader,
        '--conditions=@helicone-kit/source',
        path.join(here, '../cli.ts'),
        '--port',
        '0',
        '--db',
        database,
        '--api-key',
        'cli-key',
        '--pace',
        'fast',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!output.includes('Request log:')) {
      if (child.exitCode !== null) throw new Error(`CLI exited: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
    expect(output).toContain('API key: cli-key');
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer cli-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'from the CLI' }] }),
    });
    expect(response.status).toBe(200);
    await response.text();
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(output).toContain('Stopped.');
    const reader = new Database(database, { readonly: true });
    expect((reader.prepare('SELECT count(*) AS count FROM requests').get() as { count: number }).count).toBe(
      1,
    );
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    reader.close();
  }, 30_000);
});
