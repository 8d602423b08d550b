/**
 * What streaming costs the browser's main thread: the kit's `useHeliconeChat` (by default, and committing every
 * animation frame) against the Vercel AI SDK's `useChat` (@ai-sdk/react, by default and tuned with
 * `experimental_throttle`), side by side in one run of Debian's Chromium. Both pages render the same plain list,
 * bundled the same way (minified, React in production mode); both stream the same answer of `--tokens` tokens from
 * the local gateway, paced like a model, the kit's through its route (read in a worker, handed to the page in
 * batches), the AI SDK's through `streamText` with its OpenAI-compatible provider. Not a test: read the ratios, run
 * it twice.
 *
 * Each run opens a fresh browser context, sends one prompt and measures from the send to the answer's last text
 * on screen, per 1,000 tokens, with CDP `Performance.getMetrics`: main-thread time (`TaskDuration`, every task of the
 * page's main thread) and its CPU time (`ThreadTime`, steadier on a busy machine), split into JavaScript entered from
 * events, timers and frames (`ScriptDuration`), layout and style, and the rest of each task (`TaskOtherDuration`:
 * painting, the network's chunks, and the promise callbacks that read them, which Chromium does not count as
 * script); plus React commits (a `Profiler`). Runs alternate between the clients, their order rotating; the figures
 * are medians of `--runs`, after one warm-up run each. The floor row is the same answer read by a bare `fetch`
 * reader in the page: what a client that reads the network on the main thread pays before doing anything.
 *
 *   npm run bench:chromium [-- --tokens 1000 --tokens-per-second 150 --runs 5 --throttle 50]
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import type { BenchWindow, RunResult } from './chat-pages/bench-page';
import { serveChatPages } from './chat-pages/serve-chat-pages';
import { launchChromium } from './launch-chromium';
import { median } from './median';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '1000' },
    'tokens-per-second': { type: 'string', default: '150' },
    runs: { type: 'string', default: '5' },
    throttle: { type: 'string', default: '50' },
  },
});
const tokens = Number(values.tokens);
const tokensPerSecond = Number(values['tokens-per-second']);
const runs = Number(values.runs);
const throttle = Number(values.throttle);
const prompt = 'Write a long essay about caches, retries and rate limits.';

type Client = { label: string; short: string; path: string };
const ours: Client = {
  label: 'useHeliconeChat (default: 50 ms)',
  short: 'useHeliconeChat default',
  path: `/helicone?tokens=${tokens}`,
};
const oursEveryFrame: Client = {
  label: "useHeliconeChat (throttle 'frame')",
  short: "useHeliconeChat 'frame'",
  path: `/helicone?tokens=${tokens}&throttle=frame`,
};
const aiSdk: Client = {
  label: 'useChat (default)',
  short: 'useChat default',
  path: `/ai-sdk?tokens=${tokens}`,
};
const aiSdkThrottled: Client = {
  label: `useChat (experimental_throttle ${throttle})`,
  short: `useChat ${throttle} ms`,
  path: `/ai-sdk?tokens=${tokens}&throttle=${throttle}`,
};
const floor: Client = {
  label: 'fetch, read, nothing else (floor)',
  short: 'floor',
  path: `/fetch?tokens=${tokens}`,
};
const clients = [ours, aiSdk, aiSdkThrottled, oursEveryFrame, floor];

/** Chromium's metrics this bench reads, in ms per 1,000 tokens. */
const timings = {
  main: ['TaskDuration'],
  cpu: ['ThreadTime'],
  script: ['ScriptDuration'],
  layout: ['LayoutDuration', 'RecalcStyleDuration'],
  other: ['TaskOtherDuration'],
} as const;
type Timing = keyof typeof timings;
type Sample = RunResult & Record<Timing, number> & { commitsPerSecond: number };

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext();
  try {
    // tsx compiles with esbuild's keepNames, which wraps the functions passed to `evaluate` in a `__name` helper.
    await context.addInitScript('window.__name = (target) => target;');
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => (window as BenchWindow).bench !== undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    const result = await page.evaluate((text) => (window as BenchWindow).bench!.run(text), prompt);
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    const seconds = (metrics: typeof before, name: string) =>
      metrics.find((entry) => entry.name === name)?.value ?? 0;
    const perThousandTokens = (names: readonly string[]) =>
      names.reduce((sum, name) => sum + seconds(after, name) - seconds(before, name), 0) *
      1000 *
      (1000 / result.completionTokens);
    return {
      ...result,
      main: perThousandTokens(timings.main),
      cpu: perThousandTokens(timings.cpu),
      script: perThousandTokens(timings.script),
      layout: perThousandTokens(timings.layout),
      other: perThousandTokens(timings.other),
      commitsPerSecond: result.commits / (result.ms / 1000),
    };
  } finally {
    await context.close();
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const row = (cells: string[], widths: readonly number[]) =>
  cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[index]!)))
    .join('  ');

const figureWidths = [40, 7, 7, 7, 7, 7, 7, 9, 7, 7];
const figureHeader = [
  '',
  'main',
  'cpu',
  'script',
  'layout',
  'other',
  'commits',
  'commits/s',
  'render',
  'seconds',
];
const figures = (label: string, sample: Omit<Sample, 'text' | 'completionTokens'>) =>
  row(
    [
      label,
      ...(Object.keys(timings) as Timing[]).map((timing) => fixed(sample[timing])),
      fixed(sample.commits, 0),
      fixed(sample.commitsPerSecond),
      fixed(sample.renderMs),
      fixed(sample.ms / 1000, 2),
    ],
    figureWidths,
  );

async function main() {
  const server = await serveChatPages({ firstTokenMs: 0, tokensPerSecond });
  const browser = await launchChromium();
  try {
    console.log(
      `${tokens}-token answers at ${tokensPerSecond} tokens/s from the local gateway; Chromium ${browser.version()}, Node ${process.version}`,
    );
    console.log(
      'ms per 1,000 tokens: main = main-thread tasks, cpu = its CPU time; of main: script (entered from events, timers,\n' +
        'frames), layout + style, other (painting, network chunks, promise callbacks reading them). render: ms in React;\n' +
        'seconds: from the send to the last text on screen\n',
    );
    console.log(row(['run  client', ...figureHeader.slice(1)], figureWidths));
    const samples = new Map(clients.map((client) => [client, [] as Sample[]]));
    let reference: string | undefined;
    // Run 0 warms each client up and is not counted.
    for (let run = 0; run <= runs; run += 1) {
      for (let turn = 0; turn < clients.length; turn += 1) {
        const client = clients[(run + turn) % clients.length]!;
        const sample = await measure(browser, `${server.origin}${client.path}&session=run-${run}`);
        // The floor only reads the stream: its tokens are checked, its text is not decoded.
        if (client !== floor) reference ??= sample.text;
        if (sample.completionTokens !== tokens || (client !== floor && sample.text !== reference)) {
          throw new Error(
            `${client.label} streamed ${sample.completionTokens} tokens (${sample.text.length} characters); expected ${tokens} tokens and the same text as every other run (${reference?.length} characters)`,
          );
        }
        if (run > 0) samples.get(client)!.push(sample);
        console.log(figures(`${run === 0 ? 'warm' : String(run).padEnd(4)} ${client.label}`, sample));
      }
    }

    const medians = new Map(
      [...samples].map(([client, list]) => {
        const of = (pick: (sample: Sample) => number) => median(list.map(pick));
        const timing = Object.fromEntries(
          (Object.keys(timings) as Timing[]).map((name) => [name, of((sample) => sample[name])]),
        ) as Record<Timing, number>;
        return [
          client,
          {
            ...timing,
            commits: of((sample) => sample.commits),
            commitsPerSecond: of((sample) => sample.commitsPerSecond),
            renderMs: of((sample) => sample.renderMs),
            ms: of((sample) => sample.ms),
          },
        ];
      }),
    );
    console.log(
      `\nmedians of ${runs} runs; every answer ${tokens} tokens, the same ${reference!.length} characters on screen for every client`,
    );
    console.log(row(['client', ...figureHeader.slice(1)], figureWidths));
    for (const client of clients) console.log(figures(client.label, medians.get(client)!));

    const ratioWidths = [44, 6, 6, 7, 8, 14];
    console.log(
      `\n${row(['ratio of the medians', 'main', 'cpu', 'script', 'commits', 'target'], ratioWidths)}`,
    );
    const ratio = (mine: Client, peer: Client, target = '') => {
      const [a, b] = [medians.get(mine)!, medians.get(peer)!];
      console.log(
        row(
          [
            `${mine.short} / ${peer.short}`,
            ...[a.main / b.main, a.cpu / b.cpu, a.script / b.script, a.commits / b.commits].map(
              (value) => `${fixed(value, 2)}x`,
            ),
            target,
          ],
          ratioWidths,
        ),
      );
    };
    ratio(ours, aiSdkThrottled, '<= 0.5x');
    ratio(ours, aiSdk);
    ratio(oursEveryFrame, aiSdk);
    ratio(oursEveryFrame, aiSdkThrottled);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
