/** Cached chunks, yielded as they were saved (a cache hit answers at once, without the provider's pace). */
export async function* replayChunks(chunks: readonly unknown[]): AsyncGenerator<unknown> {
  for (const chunk of chunks) {
    await new Promise((resolve) => setImmediate(resolve));
    yield chunk;
  }
}
