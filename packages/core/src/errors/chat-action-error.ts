import { HeliconeKitError } from './helicone-kit-error';

/**
 * Why the chat store refused an action. `busy`: a request is running (a second `send` is never interleaved);
 * `empty-message`: nothing to send; `unknown-message` / `unknown-tool-call`: no such id in the session;
 * `nothing-to-retry`: `retry()` outside the `error` status.
 */
export type ChatActionErrorReason =
  'busy' | 'empty-message' | 'unknown-message' | 'unknown-tool-call' | 'nothing-to-retry';

/** A chat action that was refused before anything was sent. The chat's state is unchanged. */
export class ChatActionError extends HeliconeKitError {
  override name = 'ChatActionError';
  protected static override readonly marker: string = 'helicone-kit.error.ChatActionError';
  declare readonly action: string;
  declare readonly reason: ChatActionErrorReason;

  /** `why`: one sentence, read after the action and reason (`send() refused (busy): stop() the running request …`). */
  constructor(action: string, reason: ChatActionErrorReason, why: string) {
    super(`${action}() refused (${reason}): ${why}`);
    this.action = action;
    this.reason = reason;
  }
}
