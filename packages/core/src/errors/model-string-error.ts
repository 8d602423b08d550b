import { HeliconeKitError } from './helicone-kit-error';

const marker = 'helicone-kit.error.ModelStringError';
const symbol = /* @__PURE__ */ Symbol.for(marker);

/** A model string that the gateway would refuse, with the entry (0-based) that is wrong and why. */
export class ModelStringError extends HeliconeKitError {
  override name = 'ModelStringError';
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
    // Set here, not as a class field with a computed key, so bundlers can drop the class when it is unused.
    Object.defineProperty(this, symbol, { value: true });
    this.model = options.model;
    this.entryIndex = options.entryIndex;
    this.entry = options.entry;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is ModelStringError {
    return HeliconeKitError.hasMarker(error, marker);
  }
}
