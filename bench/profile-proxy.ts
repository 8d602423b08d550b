/**
 * Writes a V8 CPU profile (`node --cpu-prof`) of one proxy of the benchmark while it streams answers from the local
 * gateway, and prints where its time went (self time by function, top 25), to find avoidable work per answer.
 *
 *   npx tsx --conditions=@helicone-kit/source bench/profile-proxy.ts [route|pipe] [answers]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalGateway } from '@helicone-kit/gateway';

const kind = process.argv[2] === 'pipe' ? 'pipe' : 'route';
const answers = Number(process.argv[3] ?? 400);
const here = path.dirname(fileURLToPath(import.meta.url));
const directory = mkdtempSync(path.join(tmpdir(), 'helicone-kit-profile-'));
const agent = new Agent({ keepAlive: true });
const body = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Write a long, detailed answer about rivers, part 1.' }],
  max_tokens: 125,
  n: 4,
  stream: true,
});

function streamOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/helicone/chat/completions',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve());
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function summarize(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${lineNumber + 1}`;
    selfTime.set(where, (selfTime.get(where) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...selfTime.values()].reduce((sum, value) => sum + value, 0);
  const top = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [where, microseconds] of top) {
    console.log(`${((microseconds / total) * 100).toFixed(1).padStart(5)}%  ${where}`);
  }
}

const gateway = await startLocalGateway({
  pace: { firstTokenMs: 0, tokensPerSecond: Infinity },
  onWarning: () => undefined,
});
const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${directory}`,
    '--conditions=@helicone-kit/source',
    '--import',
    'tsx',
    path.join(here, 'proxy-server.ts'),
    kind,
    gateway.url,
    gateway.apiKey,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const port = await new Promise<number>((resolve) => {
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    const match = /port (\d+)/.exec(text);
    if (match) resolve(Number(match[1]));
  });
});
for (let index = 0; index < answers; index += 1) await streamOnce(port);
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});
agent.destroy();
await gateway.close();
const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'))!;
console.log(`${kind}: ${answers} answers, profile ${path.join(directory, file)}`);
summarize(JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as Profile);
