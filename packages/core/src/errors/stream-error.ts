import { HeliconeKitError } from './helicone-kit-error';

export type StreamErrorOptions = {
  message: string;
  /** The provider's error code (`null` when the provider sent `code: null`). */
  code?: string | number | null;
  /**
   * The provider's error type, e.g. `server_error`; `invalid_stream_data` for data this kit could not read;
   * `connection_cut` for a body that broke off before the answer ended (`cause` holds what `fetch` threw).
   */
  type?: string;
  param?: string | null;
  /** The raw error object from the stream, or the raw `data` text when it was not valid JSON. */
  error?: unknown;
  cause?: unknown;
};

/**
 * A stream that failed after it started: an `error` object sent in place of a chunk, an `event: error`, or a data
 * line that is not JSON, or a connection cut mid-answer. Everything yielded before it stays valid.
 */
export class StreamError extends HeliconeKitError {
  override name = 'StreamError';
  protected static override readonly marker: string = 'helicone-kit.error.StreamError';
  declare readonly code: string | number | null | undefined;
  declare readonly type: string | undefined;
  declare readonly param: string | null | undefined;
  declare readonly error: unknown;

  constructor({ message, ...fields }: StreamErrorOptions) {
    // `Error` takes the `cause` of the options when it is set; the others are the fields of the same names.
    super(message, fields);
    Object.assign(this, fields);
  }
}
