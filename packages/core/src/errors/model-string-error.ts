import { HeliconeKitError } from './helicone-kit-error';

/** A model string that the gateway would refuse, with the entry (0-based) that is wrong and why. */
export class ModelStringError extends HeliconeKitError {
  override name = 'ModelStringError';
  protected static override readonly marker: string = 'helicone-kit.error.ModelStringError';
  declare readonly model: string;
  declare readonly entryIndex: number | undefined;
  declare readonly entry: string | undefined;
  declare readonly reason: string;

  constructor(options: { model: string; entryIndex?: number; entry?: string; reason: string }) {
    const where =
      options.entryIndex === undefined
        ? ''
        : ` entry ${options.entryIndex + 1} (${JSON.stringify(options.entry ?? '')})`;
    super(`Invalid model string ${JSON.stringify(options.model)}:${where} ${options.reason}`);
    this.model = options.model;
    this.entryIndex = options.entryIndex;
    this.entry = options.entry;
    this.reason = options.reason;
  }
}
