import { HeliconeKitError } from './helicone-kit-error';

/**
 * A Helicone option or header value that cannot be sent safely: a control character, a property name that is
 * not an HTTP token, a value over the length limit, a number out of range. The message names the field and the
 * header but never repeats the value (it may be long, hostile, or secret).
 */
export class HeaderValueError extends HeliconeKitError {
  override name = 'HeaderValueError';
  protected static override readonly marker: string = 'helicone-kit.error.HeaderValueError';
  /** The option path, e.g. `userId`, `properties.Environment`, `cache.bucketMaxSize`. */
  declare readonly field: string;
  /** The HTTP header the field travels in, when there is one. */
  declare readonly header: string | undefined;
  declare readonly reason: string;

  constructor(options: { field: string; header?: string; reason: string }) {
    const header = options.header === undefined ? '' : ` (header ${options.header})`;
    super(`Invalid Helicone option ${options.field}${header}: ${options.reason}`);
    this.field = options.field;
    this.header = options.header;
    this.reason = options.reason;
  }
}
