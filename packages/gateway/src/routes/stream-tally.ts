import { countTokens } from '../generator/tokens';
import type { Usage } from './answer-context';

type Delta = {
  content?: unknown;
  reasoning?: unknown;
  tool_calls?: { function?: { name?: unknown; arguments?: unknown } }[];
};

/** What a stream has carried so far: its text (to count tokens when cut short), first-token time and usage. */
export class StreamTally {
  private text = '';
  private reasoningText = '';
  firstTokenAt: number | null = null;
  usage: Usage | null = null;

  add(chunk: unknown): void {
    if (typeof chunk !== 'object' || chunk === null) return;
    const { choices, usage } = chunk as { choices?: { delta?: Delta; text?: unknown }[]; usage?: unknown };
    if (usage && typeof usage === 'object') this.usage = usage;
    for (const choice of choices ?? []) {
      const delta = choice.delta ?? {};
      let added = typeof choice.text === 'string' ? choice.text : '';
      if (typeof delta.content === 'string') added += delta.content;
      for (const call of delta.tool_calls ?? []) {
        if (typeof call.function?.name === 'string') added += call.function.name;
        if (typeof call.function?.arguments === 'string') added += call.function.arguments;
      }
      if (typeof delta.reasoning === 'string') this.reasoningText += delta.reasoning;
      this.text += added;
      if (this.firstTokenAt === null && (added !== '' || typeof delta.reasoning === 'string'))
        this.firstTokenAt = Date.now();
    }
  }

  /** Completion tokens: the usage chunk's when it came, else the tokens of what was sent. */
  completionTokens(): number {
    return this.usage?.completion_tokens ?? countTokens(this.text) + countTokens(this.reasoningText);
  }

  reasoningTokens(): number {
    return this.usage?.completion_tokens_details?.reasoning_tokens ?? countTokens(this.reasoningText);
  }
}
