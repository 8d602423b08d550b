import type { ReasoningDetail } from '../openai/types';
import type { AssistantMessage, ChatMessagePart, ReasoningPart, ToolCallPart } from './types';

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

function parseArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The parts of an assistant message built from one choice as accumulated so far, re-using every part of
 * `previous` whose content did not change (the same object), so a chunk costs one new part and one new message
 * array. `settled` marks the answer complete: tool-call arguments are parsed and the calls wait for a result.
 */
export function partsFromChoice(
  previous: readonly ChatMessagePart[],
  choice: ChoiceContent,
  settled: boolean,
): readonly ChatMessagePart[] {
  const parts: ChatMessagePart[] = [];
  let changed = false;
  const keepOrReplace = <Part extends ChatMessagePart>(
    type: Part['type'],
    same: (old: Part) => boolean,
    build: () => Part,
  ) => {
    const old = previous.find((part): part is Part => part.type === type && same(part as Part));
    if (old) {
      parts.push(old);
    } else {
      parts.push(build());
      changed = true;
    }
  };

  const reasoning = choice.reasoning ?? '';
  const details = choice.reasoningDetails;
  if (reasoning !== '' || details.length > 0) {
    // The accumulator grows `reasoningDetails` in place, so the part keeps its own copy, refreshed at the end.
    keepOrReplace<ReasoningPart>(
      'reasoning',
      (old) => old.text === reasoning && (old.details?.length ?? 0) === details.length && !settled,
      () =>
        details.length > 0
          ? { type: 'reasoning', text: reasoning, details: details.map((detail) => ({ ...detail })) }
          : { type: 'reasoning', text: reasoning },
    );
  }
  const content = choice.content ?? choice.text ?? '';
  if (content !== '') {
    keepOrReplace(
      'text',
      (old) => old.text === content,
      () => ({ type: 'text', text: content }),
    );
  }
  const refusal = choice.refusal ?? '';
  if (refusal !== '') {
    keepOrReplace(
      'refusal',
      (old) => old.text === refusal,
      () => ({ type: 'refusal', text: refusal }),
    );
  }
  for (const call of choice.toolCalls) {
    const state = settled ? 'input-available' : 'input-streaming';
    keepOrReplace<ToolCallPart>(
      'tool-call',
      (old) =>
        old.toolCallId === call.id &&
        old.toolName === call.name &&
        old.arguments === call.arguments &&
        (settled ? old.state !== 'input-streaming' : old.state === state),
      () => ({
        type: 'tool-call',
        toolCallId: call.id,
        toolName: call.name,
        arguments: call.arguments,
        ...(settled ? { input: parseArguments(call.arguments) } : {}),
        state,
      }),
    );
  }
  return changed || parts.length !== previous.length ? parts : previous;
}

/** `previous` itself when the choice brought nothing new, else a shallow copy with the new parts. */
export function applyChoice(
  previous: AssistantMessage,
  choice: ChoiceContent,
  settled: boolean,
): AssistantMessage {
  const parts = partsFromChoice(previous.parts, choice, settled);
  return parts === previous.parts ? previous : { ...previous, parts };
}
