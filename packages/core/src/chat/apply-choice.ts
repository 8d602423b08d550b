import type { ReasoningDetail } from '../openai/types';
import type { AssistantMessage, ChatMessagePart, ReasoningPart } from './types';

/** What the store reads of one choice. The accumulator's live `ChoiceState` has this shape (read, not copied). */
export type ChoiceContent = {
  readonly content: string | null;
  /** A legacy `text_completion` choice's text, shown as the answer's text. */
  readonly text?: string | null;
  readonly refusal: string | null;
  readonly reasoning: string | null;
  readonly reasoningDetails: readonly ReasoningDetail[];
  readonly toolCalls: readonly { readonly id: string; readonly name: string; readonly arguments: string }[];
};

/** Complete tool-call arguments as JSON (`{}` when empty), or `undefined` when they are not valid JSON. */
function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text.trim() || '{}') as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The answer with the parts of one choice as accumulated so far, re-using every part of `previous` whose content
 * did not change (the same object), so a chunk costs one new part and one new message; `previous` itself when
 * nothing changed. `settled` marks the answer complete: tool-call arguments are parsed and the calls wait for a
 * result.
 */
export function applyChoice(
  previous: AssistantMessage,
  choice: ChoiceContent,
  settled: boolean,
): AssistantMessage {
  const parts: ChatMessagePart[] = [];
  const keep = (same: (part: ChatMessagePart) => boolean, build: () => ChatMessagePart) =>
    parts.push(previous.parts.find(same) ?? build());
  const details = choice.reasoningDetails;
  for (const [type, text, count] of [
    ['reasoning', choice.reasoning, details.length],
    ['text', choice.content ?? choice.text, 0],
    ['refusal', choice.refusal, 0],
  ] as const) {
    if (text || count) {
      // The accumulator grows `reasoningDetails` in place, so a part keeps its own copy, refreshed at the end.
      keep(
        (part) =>
          part.type === type &&
          part.text === (text ?? '') &&
          ((part as ReasoningPart).details?.length ?? 0) === count &&
          !(count && settled),
        () => ({
          type,
          text: text ?? '',
          ...(count > 0 && { details: details.map((detail) => ({ ...detail })) }),
        }),
      );
    }
  }
  for (const { id, name, arguments: args } of choice.toolCalls) {
    keep(
      (part) =>
        part.type === 'tool-call' &&
        part.toolCallId === id &&
        part.toolName === name &&
        part.arguments === args &&
        (part.state === 'input-streaming') !== settled,
      () => ({
        type: 'tool-call',
        toolCallId: id,
        toolName: name,
        arguments: args,
        ...(settled && { input: parseArguments(args) }),
        state: settled ? 'input-available' : 'input-streaming',
      }),
    );
  }
  return parts.length === previous.parts.length &&
    parts.every((part, index) => part === previous.parts[index])
    ? previous
    : { ...previous, parts };
}
