import { messageText } from '../../generator/message-text';

type OpenAIMessage = { role?: unknown; content?: unknown; tool_calls?: unknown; tool_call_id?: unknown };
type OpenAITool = {
  type?: unknown;
  function?: { name?: unknown; description?: unknown; parameters?: unknown };
};

/** Anthropic requires `max_tokens`; this is what the gateway asks for when the client gave none. */
const defaultMaxTokens = 4096;

function contentBlocks(message: OpenAIMessage): unknown[] {
  const blocks: unknown[] = [];
  const text = messageText(message.content);
  if (text !== '') blocks.push({ type: 'text', text });
  for (const call of Array.isArray(message.tool_calls)
    ? (message.tool_calls as Record<string, unknown>[])
    : []) {
    const fn = (call.function ?? {}) as { name?: unknown; arguments?: unknown };
    let input: unknown = {};
    try {
      input = typeof fn.arguments === 'string' && fn.arguments !== '' ? JSON.parse(fn.arguments) : {};
    } catch {
      input = {};
    }
    blocks.push({ type: 'tool_use', id: call.id, name: fn.name, input });
  }
  return blocks;
}

/** Anthropic's thinking budget when the request asks for reasoning without one (HELICONE.md §6). */
const defaultThinkingBudget = 2048;

/** `reasoning_effort` / `reasoning_options.budget_tokens` as Anthropic's `thinking`. */
function thinkingOf(body: Record<string, unknown>): { type: 'enabled'; budget_tokens: number } | undefined {
  const options = body.reasoning_options;
  const budget =
    typeof options === 'object' && options !== null
      ? (options as { budget_tokens?: unknown }).budget_tokens
      : undefined;
  if (typeof budget === 'number' && Number.isInteger(budget) && budget > 0)
    return { type: 'enabled', budget_tokens: budget };
  if (['low', 'medium', 'high'].includes(body.reasoning_effort as string)) {
    return { type: 'enabled', budget_tokens: defaultThinkingBudget };
  }
  return undefined;
}

/** An OpenAI chat body as an Anthropic Messages body (system prompt apart, tool results as user blocks). */
export function toAnthropicBody(body: Record<string, unknown>, model: string): Record<string, unknown> {
  const messages = Array.isArray(body.messages) ? (body.messages as OpenAIMessage[]) : [];
  const system = messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => messageText(message.content));
  const converted: { role: string; content: unknown[] }[] = [];
  for (const message of messages) {
    if (message.role === 'system' || message.role === 'developer') continue;
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const blocks =
      message.role === 'tool'
        ? [{ type: 'tool_result', tool_use_id: message.tool_call_id, content: messageText(message.content) }]
        : contentBlocks(message);
    const last = converted.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else converted.push({ role, content: blocks });
  }
  const tools = Array.isArray(body.tools)
    ? (body.tools as (OpenAITool | null)[]).map((tool) => ({
        name: tool?.function?.name,
        ...(tool?.function?.description === undefined ? {} : { description: tool.function.description }),
        input_schema: tool?.function?.parameters ?? { type: 'object', properties: {} },
      }))
    : undefined;
  const stop = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : undefined;
  const choice = body.tool_choice;
  const toolChoice =
    choice === 'required'
      ? { type: 'any' }
      : choice === 'auto'
        ? { type: 'auto' }
        : typeof choice === 'object' && choice !== null
          ? { type: 'tool', name: (choice as { function?: { name?: unknown } }).function?.name }
          : undefined;
  const thinking = thinkingOf(body);
  return {
    model,
    max_tokens: body.max_completion_tokens ?? body.max_tokens ?? defaultMaxTokens,
    ...(thinking === undefined ? {} : { thinking }),
    messages: converted,
    ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    ...(body.temperature === undefined ? {} : { temperature: body.temperature }),
    ...(body.top_p === undefined ? {} : { top_p: body.top_p }),
    ...(stop === undefined ? {} : { stop_sequences: stop }),
    ...(tools === undefined || choice === 'none' ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(body.stream === true ? { stream: true } : {}),
  };
}
