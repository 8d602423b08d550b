type Message = {
  role?: unknown;
  content?: unknown;
  reasoning?: unknown;
  reasoning_details?: unknown;
  tool_calls?: unknown;
  annotations?: unknown;
};
type Choice = { index?: unknown; message?: Message; text?: unknown; finish_reason?: unknown };

/**
 * The chunks a cached JSON answer stands for, for a streamed request that hits it (possible when
 * `Helicone-Cache-Ignore-Keys` drops `stream` from the key): per choice a role chunk (with the reasoning), a
 * content or tool-call chunk, a finish chunk (with `reasoning_details` and annotations), then the `choices: []`
 * usage chunk, as the gateway's streams end.
 */
export function completionToChunks(body: Record<string, unknown>): unknown[] {
  const text = body.object === 'text_completion';
  const frame = {
    id: body.id,
    object: text ? 'text_completion' : 'chat.completion.chunk',
    created: body.created,
    model: body.model,
    ...(body.system_fingerprint === undefined ? {} : { system_fingerprint: body.system_fingerprint }),
  };
  const chunk = (choice: Record<string, unknown>) => ({ ...frame, choices: [choice] });
  const chunks: unknown[] = [];
  const choices = (Array.isArray(body.choices) ? body.choices : []) as Choice[];
  for (const [position, choice] of choices.entries()) {
    const index = typeof choice.index === 'number' ? choice.index : position;
    const finish = choice.finish_reason ?? null;
    if (text) {
      chunks.push(chunk({ text: choice.text ?? '', index, logprobs: null, finish_reason: finish }));
      continue;
    }
    const message = choice.message ?? {};
    const toolCalls = Array.isArray(message.tool_calls) ? (message.tool_calls as unknown[]) : [];
    const first: Record<string, unknown> = { role: message.role ?? 'assistant', content: '' };
    if (typeof message.reasoning === 'string') first.reasoning = message.reasoning;
    if (toolCalls.length > 0) first.content = null;
    chunks.push(chunk({ index, delta: first, logprobs: null, finish_reason: null }));
    if (toolCalls.length > 0) {
      const calls = toolCalls.map((call, callIndex) => ({ index: callIndex, ...(call as object) }));
      chunks.push(chunk({ index, delta: { tool_calls: calls }, logprobs: null, finish_reason: null }));
    } else if (typeof message.content === 'string' && message.content !== '') {
      chunks.push(chunk({ index, delta: { content: message.content }, logprobs: null, finish_reason: null }));
    }
    const last: Record<string, unknown> = {};
    if (message.reasoning_details !== undefined) last.reasoning_details = message.reasoning_details;
    if (message.annotations !== undefined) last.annotations = message.annotations;
    chunks.push(chunk({ index, delta: last, logprobs: null, finish_reason: finish }));
  }
  chunks.push({ ...frame, choices: [], usage: body.usage ?? null });
  return chunks;
}
