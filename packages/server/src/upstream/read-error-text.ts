/** Longest upstream error body read: core's `GatewayError` parses 64 KiB and keeps the rest as cut text. */
export const MAX_ERROR_TEXT_LENGTH = 65_537;

/**
 * Reads at most `MAX_ERROR_TEXT_LENGTH` characters of an upstream error body and cancels the rest. Never throws:
 * a body that fails mid-way gives what was read.
 */
export async function readErrorText(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.length >= MAX_ERROR_TEXT_LENGTH) {
        await reader.cancel().catch(() => undefined);
        return text.slice(0, MAX_ERROR_TEXT_LENGTH);
      }
    }
    return text + decoder.decode();
  } catch {
    await reader.cancel().catch(() => undefined);
    return text;
  }
}
