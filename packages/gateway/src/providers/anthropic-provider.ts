import { readServerSentEvents } from '@helicone-kit/core';
import { anthropicMessageToCompletion } from './anthropic/anthropic-message-to-completion';
import { AnthropicStreamConverter } from './anthropic/anthropic-stream-converter';
import { toAnthropicBody } from './anthropic/to-anthropic-body';
import type { UpstreamOptions } from './upstream-options';
import { networkFailure, upstreamErrorMessage } from './upstream-error';
import type { Chunk, Provider } from './types';

async function* convertedChunks(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<Chunk> {
  const converter = new AnthropicStreamConverter();
  try {
    for await (const event of readServerSentEvents(body, { signal })) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch {
        continue;
      }
      yield* converter.convert(parsed as Parameters<AnthropicStreamConverter['convert']>[0]);
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** Calls Anthropic's Messages API and answers in OpenAI's shapes, converted as Helicone converts them. */
export function createAnthropicProvider(upstream: UpstreamOptions): Provider {
  const base = upstream.url.replace(/\/+$/, '');
  const endpoint = base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
  return async ({ operation, body, attempt, stream, signal }) => {
    if (operation !== 'chat') {
      return {
        ok: false,
        status: 400,
        message: `Anthropic does not serve ${operation === 'embedding' ? 'embeddings' : 'text completions'}.`,
      };
    }
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'anthropic-version': '2023-06-01',
          ...(upstream.apiKey === undefined ? {} : { 'x-api-key': upstream.apiKey }),
          ...upstream.headers,
        },
        body: JSON.stringify(toAnthropicBody({ ...body, stream }, attempt.providerModelId)),
        signal,
      });
    } catch (error) {
      return networkFailure(error);
    }
    if (!response.ok)
      return { ok: false, status: response.status, message: await upstreamErrorMessage(response) };
    if (stream && response.body)
      return { ok: true, kind: 'stream', chunks: convertedChunks(response.body, signal) };
    try {
      return {
        ok: true,
        kind: 'json',
        body: anthropicMessageToCompletion((await response.json()) as Record<string, unknown>),
      };
    } catch (error) {
      return networkFailure(error);
    }
  };
}
