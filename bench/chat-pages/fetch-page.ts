import type { BenchWindow } from './bench-page';
import { benchModel, longAnswerFormat } from './long-answer';

const tokens = Number(new URLSearchParams(location.search).get('tokens'));

/**
 * The floor under any client: the same answer read from the kit's route with a bare `fetch` reader, each chunk
 * decoded and dropped, nothing parsed or rendered. What is left of a client's cost above this is its own.
 */
(window as BenchWindow).bench = {
  async run(prompt) {
    const started = performance.now();
    const response = await fetch('/api/helicone/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: benchModel,
        messages: [{ role: 'user', content: prompt }],
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: tokens,
        response_format: longAnswerFormat(tokens),
      }),
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let tail = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      tail = (tail + chunk.value).slice(-1000);
    }
    return {
      text: '',
      completionTokens: Number(/"completion_tokens":(\d+)/.exec(tail)?.[1] ?? 0),
      ms: performance.now() - started,
      commits: 0,
      renderMs: 0,
    };
  },
};
