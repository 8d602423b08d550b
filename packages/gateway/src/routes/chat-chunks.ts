import type { GeneratedChat, GeneratedChoice } from '../generator/generate-chat';
import { tokenPieces } from '../generator/tokens';

/** One `choices[]` entry of a chunk, and the text it adds (to count tokens when a stream is cut). */
export type ChunkStep = { choice: Record<string, unknown>; text: string; paced: boolean };

function step(
  index: number,
  delta: Record<string, unknown>,
  text = '',
  finish: string | null = null,
): ChunkStep {
  return { choice: { index, delta, logprobs: null, finish_reason: finish }, text, paced: text !== '' };
}

function choiceSteps(choice: GeneratedChoice): ChunkStep[] {
  const { index } = choice;
  const steps: ChunkStep[] = [step(index, { role: 'assistant', content: choice.toolCalls ? null : '' })];
  if (choice.reasoning !== undefined) {
    for (const piece of tokenPieces(choice.reasoning)) steps.push(step(index, { reasoning: piece }, piece));
  }
  for (const [callIndex, call] of (choice.toolCalls ?? []).entries()) {
    steps.push(
      step(
        index,
        {
          tool_calls: [
            { index: callIndex, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        },
        call.name,
      ),
    );
    for (const piece of tokenPieces(call.arguments)) {
      steps.push(step(index, { tool_calls: [{ index: callIndex, function: { arguments: piece } }] }, piece));
    }
  }
  if (choice.content) {
    for (const piece of tokenPieces(choice.content)) steps.push(step(index, { content: piece }, piece));
  }
  const finalDelta =
    choice.reasoning === undefined
      ? {}
      : { reasoning_details: [{ thinking: choice.reasoning, signature: '' }] };
  steps.push(step(index, finalDelta, '', choice.finishReason));
  return steps;
}

/**
 * Every choice's steps, interleaved round-robin as OpenAI interleaves `n` choices: a role chunk, reasoning
 * tokens, tool-call or content tokens, then the finish chunk (with `reasoning_details` for reasoning models).
 */
export function chatChunkSteps(generated: GeneratedChat): ChunkStep[] {
  const perChoice = generated.choices.map(choiceSteps);
  const steps: ChunkStep[] = [];
  const longest = Math.max(...perChoice.map((list) => list.length));
  for (let position = 0; position < longest; position++) {
    for (const list of perChoice) {
      const entry = list[position];
      if (entry) steps.push(entry);
    }
  }
  return steps;
}
