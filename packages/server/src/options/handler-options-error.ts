import { HeliconeKitError } from '@helicone-kit/core';

const marker = 'helicone-kit.error.HandlerOptionsError';
const symbol = Symbol.for(marker);

/** Options that cannot work, found when the handler is created rather than on the first request. */
export class HandlerOptionsError extends HeliconeKitError {
  private readonly [symbol] = true;
  override name = 'HandlerOptionsError';
  /** The option at fault, as written in the options object (`apiKey`, `budgets`, `limits.maxBodyBytes`). */
  readonly option: string;

  constructor(option: string, reason: string) {
    super(`createHeliconeHandler: option \`${option}\` ${reason}`);
    this.option = option;
  }

  static override isInstance(error: unknown): error is HandlerOptionsError {
    return HeliconeKitError.hasMarker(error, marker);
  }
}
