import { readServerSentEvents } from '@helicone-kit/core';
import type { UpstreamOptions } from './upstream-options';
import { networkFailure, upstreamErrorMessage } from './upstream-error';
import type { Chunk, Provider } from './types';

const paths = { chat: '/chat/completions', completion: '/completions', embedding: '/embeddings' } as const;

async function* chunksOf(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<Chunk | string> {
  try {
    for await (const event of readServerSentEvents(body, { signal })) {
      if (event.data === '[DONE]') return;
      try {
        yield JSON.parse(event.data) as Chunk;
      } catch {
        // Passed on as it came: the client sees what the provider sent.
        yield `data: ${event.data}\n\n`;
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/**
 * Forwards attempts to an OpenAI-compatible server, with the attempt's provider model id and, for streams,
 * `stream_options.include_usage` forced on as the real gateway does.
 */
export function createOpenAICompatibleProvider(upstream: UpstreamOptions): Provider {
  const base = upstream.url.replace(/\/+$/, '');
  return async ({ operation, body, attempt, stream, signal }) => {
    const model =
      upstream.modelForm === 'helicone'
        ? `${attempt.model?.id ?? attempt.providerModelId}/${attempt.provider}`
        : attempt.providerModelId;
    const payload: Record<string, unknown> = { ...body, model };
    if (stream && operation !== 'embedding') {
      const options =
        typeof body.stream_options === 'object' && body.stream_options !== null ? body.stream_options : {};
      payload.stream_options = { ...options, include_usage: true };
    }
    let response: Response;
    try {
      response = await fetch(`${base}${paths[operation]}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(upstream.apiKey === undefined ? {} : { authorization: `Bearer ${upstream.apiKey}` }),
          ...upstream.headers,
        },
        body: JSON.stringify(payload),
        signal,
      });
    } catch (error) {
      return networkFailure(error);
    }
    if (!response.ok)
      return { ok: false, status: response.status, message: await upstreamErrorMessage(response) };
    if (stream && response.body) return { ok: true, kind: 'stream', chunks: chunksOf(response.body, signal) };
    try {
      return { ok: true, kind: 'json', body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      return networkFailure(error);
    }
  };
}
