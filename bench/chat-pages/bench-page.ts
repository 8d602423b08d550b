/** What a chat's answer was: its text and the completion tokens the gateway counted for it. */
export type Answer = { text: string; completionTokens: number };

/** One measured prompt, seen from inside the page. */
export type RunResult = Answer & {
  /** From the send to the answer's last text on screen. */
  ms: number;
  /** React commits of the chat during the run (a `Profiler` around it). */
  commits: number;
  /** Milliseconds React spent rendering those commits. */
  renderMs: number;
};

export type BenchWindow = Window & { bench?: { run(prompt: string): Promise<RunResult> } };

/** The chat's commits so far, counted by the `Profiler` of `ChatFrame`. */
export const renders = { commits: 0, ms: 0 };

/** Resolves once the last assistant row shows `text`: the final flush is inside the measured time. */
function whenShown(text: string): Promise<void> {
  const shown = () =>
    [...document.querySelectorAll('li[data-role="assistant"]')].at(-1)?.textContent === text;
  if (shown()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/** Hands the driver `window.bench.run`: sends one prompt with `send` and measures it to the last text shown. */
export function exposeBench(send: (prompt: string) => Promise<Answer>): void {
  (window as BenchWindow).bench = {
    async run(prompt) {
      const commits = renders.commits;
      const renderMs = renders.ms;
      const started = performance.now();
      const answer = await send(prompt);
      await whenShown(answer.text);
      return {
        ...answer,
        ms: performance.now() - started,
        commits: renders.commits - commits,
        renderMs: renders.ms - renderMs,
      };
    },
  };
}
