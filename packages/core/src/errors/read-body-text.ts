/**
 * Reads at most `limit` characters' worth of a response body as text and cancels the rest, so a huge or endless
 * body cannot exhaust memory. Never throws: a body that fails mid-way gives what was read, plus the reason (the
 * `[text, failure]` of `routeError`'s last two arguments).
 */
export async function readBodyText(
  response: Response,
  limit: number,
): Promise<[text: string, failure: unknown]> {
  const decoder = new TextDecoder();
  let text = '';
  let failure: unknown;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = response.body?.getReader();
    for (let read; reader && text.length <= limit && !(read = await reader.read()).done;)
      text += decoder.decode(read.value, { stream: true });
    text += decoder.decode();
  } catch (error) {
    failure = error;
  }
  // Past the limit, or broken: what is left is dropped (a body read to its end has nothing left to cancel).
  void reader?.cancel().catch(() => {});
  return [text, failure];
}
