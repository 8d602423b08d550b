/** A provider's error message from its body (OpenAI or Anthropic JSON, or text), kept short. */
export async function upstreamErrorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let message = text;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = parsed.error;
    if (typeof error === 'string') message = error;
    else if (
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { message?: unknown }).message === 'string'
    ) {
      message = (error as { message: string }).message;
    } else if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // Not JSON: the text itself.
  }
  message = message.trim() === '' ? `Upstream answered ${response.status}` : message.trim();
  return message.length > 500 ? `${message.slice(0, 500)}…` : message;
}

export function networkFailure(error: unknown): { ok: false; status: number; message: string } {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, status: 503, message: `Upstream unavailable: ${reason}` };
}
