import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { temporaryDatabase } from '../__tests__/helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = pathToFileURL(path.resolve(here, '../../../../node_modules/tsx/dist/loader.mjs')).href;
const builtCli = path.resolve(here, '../../dist/cli.js');
const hasBuild = existsSync(builtCli);
/** What `npx helicone-kit-gateway` runs after `npm install`: npm's link to the package's committed bin entry. */
const linkedCommand = path.resolve(here, '../../../../node_modules/.bin/helicone-kit-gateway');

/** Starts the CLI (`node <entry> ...`), waits for its banner, and returns its URL and a way to stop it. */
async function startCli(entry: string[], args: string[]) {
  const child = spawn(process.execPath, [...entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  while (!output.includes('Request log:')) {
    if (child.exitCode !== null) throw new Error(`CLI exited: ${output}${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      return exit;
    },
  };
}

const chat = (url: string, key: string, model = 'gpt-4o-mini') =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'from the CLI' }] }),
  });

function countRows(database: string): { count: number; integrity: unknown } {
  const reader = new Database(database, { readonly: true });
  try {
    const { count } = reader.prepare('SELECT count(*) AS count FROM requests').get() as { count: number };
    return { count, integrity: reader.pragma('integrity_check', { simple: true }) };
  } finally {
    reader.close();
  }
}

describe('helicone-kit-gateway CLI', () => {
  it('prints its URL and key, serves, and shuts down cleanly on SIGINT keeping the log', async () => {
    const database = temporaryDatabase();
    const cli = await startCli(
      ['--import', tsxLoader, '--conditions=@helicone-kit/source', path.join(here, '../cli.ts')],
      ['--port', '0', '--db', database, '--api-key', 'cli-key', '--pace', 'fast'],
    );
    expect(cli.output()).toContain('API key: cli-key');
    const response = await chat(cli.url, 'cli-key');
    expect(response.status).toBe(200);
    await response.text();
    expect(await cli.stop()).toBe(0);
    expect(cli.output()).toContain('Stopped.');
    expect(countRows(database)).toEqual({ count: 1, integrity: 'ok' });
  }, 30_000);

  // `npm test` builds every package before it tests, so this runs there; a bare `vitest run` may lack dist.
  it.skipIf(!hasBuild)(
    `runs as npm links it (node_modules/.bin → bin/ → dist/cli.js), in dev mode${hasBuild ? '' : ' [skipped: no dist/cli.js, run `npm run build -w packages/gateway`]'}`,
    async () => {
      // npm links the command at install time, before `prepare` builds dist/: the link must not point into dist/.
      expect(existsSync(linkedCommand), 'npm did not link helicone-kit-gateway').toBe(true);
      const database = temporaryDatabase();
      const cli = await startCli(
        [linkedCommand],
        ['--port', '0', '--db', database, '--api-key', 'built-key', '--pace', 'fast', '--dev'],
      );
      expect(cli.output()).toContain('API key: built-key');
      expect(cli.output()).toContain('Dev mode: POST /__dev/faults is on (with the key); time scale 1.');
      const anonymous = await fetch(`${cli.url}/__dev/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(anonymous.status).toBe(401);
      const faulted = await fetch(`${cli.url}/__dev/faults`, {
        method: 'POST',
        headers: { authorization: 'Bearer built-key', 'content-type': 'application/json' },
        body: JSON.stringify({ openai: { type: 'status', status: 503, times: 1 } }),
      });
      expect(faulted.status).toBe(200);
      expect((await chat(cli.url, 'built-key', 'gpt-4o-mini/openai')).status).toBe(500);
      const response = await chat(cli.url, 'built-key');
      expect(response.status).toBe(200);
      await response.text();
      expect(await cli.stop()).toBe(0);
      expect(countRows(database)).toEqual({ count: 2, integrity: 'ok' });
    },
    30_000,
  );
});
