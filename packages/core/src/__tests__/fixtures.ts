import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The recorded fixtures shared by every package (see their SOURCES.md); `HELICONE_KIT_FIXTURES` overrides. */
export const fixturesDir =
  process.env.HELICONE_KIT_FIXTURES ?? path.resolve(import.meta.dirname, '../../../../fixtures');

export function fixtureBytes(relativePath: string): Uint8Array {
  const file = path.join(fixturesDir, relativePath);
  if (!existsSync(file))
    throw new Error(`Fixture missing: ${file} (set HELICONE_KIT_FIXTURES to the fixtures folder)`);
  return new Uint8Array(readFileSync(file));
}

export function fixtureJson(relativePath: string): unknown {
  return JSON.parse(new TextDecoder().decode(fixtureBytes(relativePath)));
}

/**
 * A real `ReadableStream` that delivers `bytes` in pieces cut at `cuts` (sorted offsets) and records cancellation.
 * With `keepOpen`, it stays open after the last piece, like a server that has not finished yet.
 */
export function streamOf(
  bytes: Uint8Array,
  cuts: readonly number[] = [],
  options: { keepOpen?: boolean } = {},
) {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut <= start || cut > bytes.length) continue;
    pieces.push(bytes.slice(start, cut));
    start = cut;
  }
  const state = { cancelled: false, pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[state.pulled++];
      if (piece) controller.enqueue(piece);
      else if (options.keepOpen) return new Promise<void>(() => undefined);
      else controller.close();
      return undefined;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

export function byteByByte(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return streamOf(
    bytes,
    Array.from({ length: bytes.length }, (_, offset) => offset + 1),
  ).stream;
}

export const encode = (text: string) => new TextEncoder().encode(text);

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The stream fixtures in OpenAI chunk format, and the raw Anthropic event streams. */
export const openAiStreamFixtures = [
  'openai-stream/openai-stream-text-usage.gpt-4o.sse',
  'openai-stream/openai-stream-parallel-tool-calls.gpt-4o-mini.sse',
  'openai-stream/deepseek-reasoner-stream-reasoning-content-tool-call.sse',
  'openai-stream/openai-text-completion-stream.gpt-3.5-turbo-instruct.sse',
  'anthropic/helicone-converted.anthropic-stream-text-tool-use.openai-chunks.sse',
] as const;
export const errorStreamFixtures = [
  'errors/openai-stream-error-after-output.test-authored.sse',
  'errors/openai-stream-error-first-chunk.test-authored.sse',
] as const;
export const anthropicStreamFixtures = [
  'anthropic/anthropic-stream-text-tool-use.claude-3-5-haiku.sse',
  'anthropic/anthropic-stream-thinking.claude-sonnet-4-5.sse',
] as const;
