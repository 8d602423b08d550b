/**
 * What the server route costs on the token path, against a bare node:http pipe proxy on the same upstream (the
 * local gateway), side by side in one run:
 *   1. added time per streamed 500-token answer (median, over the gateway called directly),
 *   2. CPU per answer in the proxy's own process,
 *   3. throughput at 50 concurrent streams.
 * Not a test: machines are noisy; read the ratios, run it twice.
 *
 * The three measurements are repeated (`--repeats`, default 3) and the median ratio of the repeats is the figure.
 *
 *   npm run bench:route [-- --repeats 3 --rounds 150 --answers 600 --tokens-per-second Infinity]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalGateway } from '@helicone-kit/gateway';
import { median } from './median';

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '150' },
    answers: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '50' },
    tokens: { type: 'string', default: '500' },
    // Infinity: each token is written as its own event, one event-loop turn apart, as fast as that goes.
    'tokens-per-second': { type: 'string', default: 'Infinity' },
  },
});
const repeats = Number(values.repeats);
const rounds = Number(values.rounds);
const answers = Number(values.answers);
const concurrency = Number(values.concurrency);
const tokens = Number(values.tokens);
const tokensPerSecond = Number(values['tokens-per-second']);

const here = path.dirname(fileURLToPath(import.meta.url));
const agent = new Agent({ keepAlive: true, maxSockets: 512 });
const bodyFor = (prompt: string, choices: number) =>
  JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: prompt }],
    max_tokens: tokens / choices,
    n: choices,
    stream: true,
  });
/** Set by `findAnswerShape`: a body whose streamed answer carries exactly `tokens` completion tokens. */
let body = '';
let shape = '';

type Target = { name: string; url: string; headers: Record<string, string> };

/** One streamed answer, read to the end; resolves to its duration in ms. */
function streamOnce(target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const url = new URL(target.url);
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...target.headers,
        },
      },
      (response) => {
        let tail = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          tail = (tail + text).slice(-1500);
        });
        response.on('end', () => {
          if (
            response.statusCode !== 200 ||
            !tail.includes(`"completion_tokens":${tokens}`) ||
            !tail.includes('[DONE]')
          ) {
            reject(
              new Error(
                `${target.name}: status ${response.statusCode}, incomplete answer: ${tail.slice(-700)}`,
              ),
            );
          } else {
            resolve(performance.now() - started);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function startProxy(kind: 'route' | 'pipe', gatewayUrl: string, apiKey: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--conditions=@helicone-kit/source',
      '--import',
      'tsx',
      path.join(here, 'proxy-server.ts'),
      kind,
      gatewayUrl,
      apiKey,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = new Promise<number>((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      const match = /port (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${kind} proxy exited with ${code}`)));
  });
  return { child, port };
}

/**
 * The offline generator writes answers of a few hundred tokens, so a 500-token answer may need `n` choices
 * (n = 2 → two choices of 250 tokens each, streamed as one answer): the body is picked once, used for all paths.
 */
async function findAnswerShape(direct: Target): Promise<void> {
  for (const choices of [1, 2, 4, 5].filter((count) => tokens % count === 0)) {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      body = bodyFor(`Write a long, detailed answer about rivers, part ${attempt}.`, choices);
      try {
        await streamOnce(direct);
        shape = choices === 1 ? `one choice` : `n=${choices} choices of ${tokens / choices} tokens`;
        return;
      } catch {
        // Too short; try the next prompt.
      }
    }
  }
  throw new Error(`no request gave a ${tokens}-token answer`);
}

async function cpuMicroseconds(origin: string): Promise<number> {
  const response = await fetch(`${origin}/__bench/cpu`);
  return ((await response.json()) as { microseconds: number }).microseconds;
}

const format = (value: number, digits = 2) => value.toFixed(digits);

async function main() {
  const gateway = await startLocalGateway({
    pace: { firstTokenMs: 0, tokensPerSecond },
    onWarning: () => undefined,
  });
  const route = startProxy('route', gateway.url, gateway.apiKey);
  const pipe = startProxy('pipe', gateway.url, gateway.apiKey);
  const routeOrigin = `http://127.0.0.1:${await route.port}`;
  const pipeOrigin = `http://127.0.0.1:${await pipe.port}`;
  const targets = {
    direct: {
      name: 'direct',
      url: `${gateway.url}/v1/chat/completions`,
      headers: { authorization: `Bearer ${gateway.apiKey}` },
    },
    pipe: { name: 'pipe', url: `${pipeOrigin}/api/helicone/chat/completions`, headers: {} },
    route: { name: 'route', url: `${routeOrigin}/api/helicone/chat/completions`, headers: {} },
  } satisfies Record<string, Target>;

  try {
    await findAnswerShape(targets.direct);
    console.log(
      `local gateway: streamed answers of ${tokens} completion tokens (${shape}) at ${tokensPerSecond} tokens/s; Node ${process.version}`,
    );
    for (let index = 0; index < 30; index += 1) {
      for (const target of Object.values(targets)) await streamOnce(target);
    }

    const measureOnce = async () => {
      // 1: one answer at a time, the three paths interleaved so drift hits them alike.
      const durations = { direct: [] as number[], pipe: [] as number[], route: [] as number[] };
      for (let round = 0; round < rounds; round += 1) {
        durations.direct.push(await streamOnce(targets.direct));
        durations.pipe.push(await streamOnce(targets.pipe));
        durations.route.push(await streamOnce(targets.route));
      }
      const direct = median(durations.direct);
      // Paired: each round's proxied answer minus that round's direct one, so slow spells of the machine cancel out.
      const pipeAdded = median(durations.pipe.map((duration, round) => duration - durations.direct[round]!));
      const routeAdded = median(
        durations.route.map((duration, round) => duration - durations.direct[round]!),
      );

      // 2: CPU of each proxy's process over batches of sequential answers, batches alternated.
      const batches = 8;
      const perBatch = Math.max(1, Math.round(rounds / batches));
      const cpuOf = async (origin: string, target: Target) => {
        const before = await cpuMicroseconds(origin);
        for (let index = 0; index < perBatch; index += 1) await streamOnce(target);
        return (await cpuMicroseconds(origin)) - before;
      };
      let pipeCpu = 0;
      let routeCpu = 0;
      // Alternated pipe, route, route, pipe, ... so neither always runs first.
      for (let batch = 0; batch < batches; batch += 1) {
        if (batch % 2 === 0) {
          pipeCpu += await cpuOf(pipeOrigin, targets.pipe);
          routeCpu += await cpuOf(routeOrigin, targets.route);
        } else {
          routeCpu += await cpuOf(routeOrigin, targets.route);
          pipeCpu += await cpuOf(pipeOrigin, targets.pipe);
        }
      }
      const pipeCpuPerAnswer = pipeCpu / (batches * perBatch) / 1000;
      const routeCpuPerAnswer = routeCpu / (batches * perBatch) / 1000;

      // 3: throughput, 50 streams at a time, route and pipe alternated twice.
      const throughput = async (target: Target) => {
        let next = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (next < answers) {
              next += 1;
              await streamOnce(target);
            }
          }),
        );
        return answers / ((performance.now() - started) / 1000);
      };
      const pipeRates = [await throughput(targets.pipe)];
      const routeRates = [await throughput(targets.route)];
      routeRates.push(await throughput(targets.route));
      pipeRates.push(await throughput(targets.pipe));
      const pipeRate = (pipeRates[0]! + pipeRates[1]!) / 2;
      const routeRate = (routeRates[0]! + routeRates[1]!) / 2;
      return {
        added: routeAdded / pipeAdded,
        cpu: routeCpuPerAnswer / pipeCpuPerAnswer,
        throughput: routeRate / pipeRate,
        line: `direct ${format(direct)} ms | added ms pipe ${format(pipeAdded)} route ${format(routeAdded)} | CPU ms pipe ${format(pipeCpuPerAnswer)} route ${format(routeCpuPerAnswer)} | answers/s pipe ${format(pipeRate, 1)} route ${format(routeRate, 1)}`,
      };
    };

    console.log(
      `${repeats} repeats of: ${rounds} sequential answers per path for time (median) and for CPU (8 alternated batches), ${answers} answers x 2 per path at ${concurrency} concurrent`,
    );
    const results = [];
    for (let repeat = 1; repeat <= repeats; repeat += 1) {
      const result = await measureOnce();
      results.push(result);
      console.log(
        `repeat ${repeat}: added ${format(result.added)}x, CPU ${format(result.cpu)}x, throughput ${format(result.throughput)}x  (${result.line})`,
      );
    }
    const row = (label: string, values: number[], target: string) =>
      `${label.padEnd(30)} ${format(median(values)).padStart(6)}x   ${format(Math.min(...values))}x to ${format(Math.max(...values))}x   ${target}`;
    console.log('\nroute / pipe                   median   range            target');
    console.log(
      row(
        'added time per answer',
        results.map((result) => result.added),
        '<= 1.2x',
      ),
    );
    console.log(
      row(
        'CPU per answer',
        results.map((result) => result.cpu),
        '<= 1.2x',
      ),
    );
    console.log(
      row(
        `answers/s at ${concurrency} concurrent`,
        results.map((result) => result.throughput),
        '>= 0.9x',
      ),
    );
  } finally {
    route.child.kill('SIGTERM');
    pipe.child.kill('SIGTERM');
    agent.destroy();
    await gateway.close();
  }
}

await main();
