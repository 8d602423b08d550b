/**
 * React commits per second while `useHeliconeChat` streams a long answer in Debian's Chromium, through the route
 * and the local gateway (paced like a real model). Not a test: machines are noisy; read the numbers, run it twice.
 *
 *   npx tsx --conditions=@helicone-kit/source packages/react/src/__tests__/chromium/measure-commits.ts \
 *     [--tokens 2000] [--tokens-per-second 200,Infinity] [--runs 3] [--throttle frame|<ms>]
 *
 * Per run it prints: seconds streaming, React commits and commits per second, animation frames and frames per
 * second (the ceiling for `throttle: 'frame'`), React render time, and Chromium's main-thread script and task
 * time per 1,000 tokens (CDP `Performance.getMetrics`: `ScriptDuration`, `TaskDuration`).
 */
import { parseArgs } from 'node:util';
import { launchChromium } from './launch-chromium';
import { serveTestPage } from './serve-test-page';
import type { TestPageWindow } from './test-page';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '2000' },
    'tokens-per-second': { type: 'string', default: '200,Infinity' },
    runs: { type: 'string', default: '3' },
    // Left out: the hook's default.
    throttle: { type: 'string' },
  },
});
const tokens = Number(values.tokens);
const runs = Number(values.runs);
const paces = values['tokens-per-second'].split(',').map(Number);
const throttle = values.throttle === undefined ? '' : `&throttle=${values.throttle}`;

type Sample = {
  ms: number;
  commits: number;
  frames: number;
  renderMs: number;
  completionTokens: number;
};

const metric = (metrics: { name: string; value: number }[], name: string) =>
  metrics.find((entry) => entry.name === name)?.value ?? 0;

const browser = await launchChromium();
// tsx compiles with esbuild's keepNames, which wraps the functions passed to `evaluate` in a `__name` helper.
await browser.context.addInitScript('window.__name = (target) => target;');
try {
  for (const tokensPerSecond of paces) {
    const server = await serveTestPage({ pace: { firstTokenMs: 0, tokensPerSecond } });
    try {
      console.log(
        `\n${tokens} tokens at ${tokensPerSecond} tokens/s, throttle ${values.throttle ?? 'default'}`,
      );
      console.log(
        'run  seconds  commits  commits/s  frames  frames/s  render ms  script ms/1k tok  task ms/1k tok',
      );
      for (let run = 1; run <= runs; run++) {
        const page = await browser.context.newPage();
        await page.goto(
          `${server.origin}/?session=measure-${tokensPerSecond}-${run}&maxTokens=${tokens}&long${throttle}`,
        );
        await page.waitForFunction(() => (window as unknown as TestPageWindow).chat !== undefined);
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const before = (await cdp.send('Performance.getMetrics')).metrics;
        const sample: Sample = await page.evaluate(async () => {
          const page = window as unknown as TestPageWindow;
          let frames = 0;
          let counting = true;
          const tick = () => {
            if (!counting) return;
            frames += 1;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
          const commits = page.commits;
          const renderMs = page.renderMs;
          const started = performance.now();
          await page.chat!.send('Write a long answer about caches and retries');
          const ms = performance.now() - started;
          counting = false;
          const answer = page.chat!.store.getState().messages.at(-1);
          const usage = answer?.role === 'assistant' ? answer.metadata.usage : undefined;
          return {
            ms,
            commits: page.commits - commits,
            frames,
            renderMs: page.renderMs - renderMs,
            completionTokens: usage?.completionTokens ?? 0,
          };
        });
        const after = (await cdp.send('Performance.getMetrics')).metrics;
        const perThousand = (name: string) =>
          (((metric(after, name) - metric(before, name)) * 1000) / sample.completionTokens) * 1000;
        const seconds = sample.ms / 1000;
        console.log(
          [
            String(run).padEnd(3),
            seconds.toFixed(2).padStart(8),
            String(sample.commits).padStart(8),
            (sample.commits / seconds).toFixed(1).padStart(10),
            String(sample.frames).padStart(6),
            (sample.frames / seconds).toFixed(1).padStart(9),
            sample.renderMs.toFixed(1).padStart(10),
            perThousand('ScriptDuration').toFixed(1).padStart(16),
            perThousand('TaskDuration').toFixed(1).padStart(15),
          ].join('  '),
        );
        if (sample.completionTokens !== tokens)
          console.log(`  (answer had ${sample.completionTokens} tokens)`);
        await page.close();
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
