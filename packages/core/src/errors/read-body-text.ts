/**
 * Reads at most `limit` characters' worth of a response body as text and cancels the rest, so a huge or endless
 * body cannot exhaust memory. Never throws: a body that fails mid-way gives what was read, plus the reason.
 */
export async function readBodyText(
  response: Response,
  limit: number,
): Promise<{ text: string; failure?: unknown }> {
  const decoder = new TextDecoder();
  let text = '';
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = response.body?.getReader();
    for (let read; reader && text.length <= limit && !(read = await reader.read()).done;)
      text += decoder.decode(read.value, { stream: true });
    return { text: text + decoder.decode() };
  } catch (failure) {
    return { text, failure };
  } finally {
    // What is left of a body read up to the limit is cancelled (one that ended or broke has nothing left).
    reader?.cancel().catch(() => {});
  }
}
