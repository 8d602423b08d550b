/**
 * Reads at most `limit` characters' worth of a response body as text and cancels the rest, so a huge or endless
 * body cannot exhaust memory. Never throws: a body that fails mid-way gives what was read, plus the reason.
 */
export async function readBodyText(
  response: Response,
  limit: number,
): Promise<{ text: string; failure: unknown }> {
  const body = response.body;
  if (body === null) return { text: '', failure: undefined };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch (error) {
    return { text: '', failure: error };
  }
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length > limit) {
        await reader.cancel().catch(() => undefined);
        return { text, failure: undefined };
      }
    }
    text += decoder.decode();
    return { text, failure: undefined };
  } catch (error) {
    return { text, failure: error };
  } finally {
    try {
      reader.releaseLock();
    } catch {
      // The lock no longer matters once the body is cancelled or broken.
    }
  }
}
