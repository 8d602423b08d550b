import { HeliconeKitError } from '@helicone-kit/core';

/** Options that cannot work, found when the handler is created rather than on the first request. */
export class HandlerOptionsError extends HeliconeKitError {
  override name = 'HandlerOptionsError';
  protected static override readonly marker: string = 'helicone-kit.error.HandlerOptionsError';
  /** The option at fault, as written in the options object (`apiKey`, `budgets`, `limits.maxBodyBytes`). */
  readonly option: string;

  constructor(option: string, reason: string) {
    super(`createHeliconeHandler: option \`${option}\` ${reason}`);
    this.option = option;
  }
}
