import { messageText } from './message-text';

export type ToolDefinition = { type?: unknown; function?: { name?: unknown; parameters?: unknown } };
export type ChosenTool = { name: string; parameters: unknown };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Which tool the offline generator calls, if any. The rule:
 * 1. `tool_choice: "none"` → no call.
 * 2. `tool_choice: {type:"function", function:{name}}` → that tool.
 * 3. Otherwise, when the LAST message is from the user and names a tool (its function name as a whole word,
 *    case-insensitive), the tool named first in that message is called.
 * 4. `tool_choice: "required"` with no tool named → the first tool.
 * A last message from a tool (a tool result) is answered with text, so agent loops end.
 */
export function chooseTool(
  messages: readonly { role?: unknown; content?: unknown }[],
  tools: unknown,
  toolChoice: unknown,
): ChosenTool | undefined {
  if (!Array.isArray(tools) || tools.length === 0 || toolChoice === 'none') return undefined;
  const functions = (tools as ToolDefinition[])
    .map((tool) => (typeof tool === 'object' && tool !== null ? tool.function : undefined))
    .filter((fn): fn is { name: string; parameters?: unknown } => typeof fn?.name === 'string');
  const byName = (name: string) => functions.find((fn) => fn.name === name);
  if (typeof toolChoice === 'object' && toolChoice !== null) {
    const name = (toolChoice as { function?: { name?: unknown } }).function?.name;
    const forced = typeof name === 'string' ? byName(name) : undefined;
    if (forced) return { name: forced.name, parameters: forced.parameters };
  }
  const last = messages.at(-1);
  if (last?.role === 'user') {
    const text = messageText(last.content);
    let best: { position: number; name: string; parameters: unknown } | undefined;
    for (const fn of functions) {
      const match = new RegExp(`(^|[^A-Za-z0-9_])${escape(fn.name)}([^A-Za-z0-9_]|$)`, 'i').exec(text);
      if (match && (best === undefined || match.index < best.position)) {
        best = { position: match.index, name: fn.name, parameters: fn.parameters };
      }
    }
    if (best) return { name: best.name, parameters: best.parameters };
  }
  const first = functions[0];
  if (toolChoice === 'required' && first) return { name: first.name, parameters: first.parameters };
  return undefined;
}
