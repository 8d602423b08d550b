import { HeliconeKitError } from './helicone-kit-error';
import { cut } from '../internal/cut';

// Helicone API keys (`sk-helicone-…`, `pk-helicone-…`, EU `…-eu-…`): never kept in a message or body.
const HELICONE_KEY = /\b[sp]k-helicone-[\w-]+/g;
const redact = <Text extends string | undefined>(text: Text) =>
  text?.replace(HELICONE_KEY, '[redacted Helicone key]') as Text;

/** Longest body text kept on a `GatewayError`, and longest message. */
export const MAX_ERROR_BODY_LENGTH = 8192;
export const MAX_ERROR_MESSAGE_LENGTH = 1000;

export type GatewayErrorOptions = {
  status: number;
  message?: string;
  code?: string;
  type?: string;
  param?: string;
  details?: unknown[];
  retryAfterMs?: number;
  requestId?: string;
  body?: string;
  cause?: unknown;
};

/**
 * An HTTP error from the gateway, a provider behind it, or the server route, whatever shape its body had. Made by
 * `readGatewayError(response)` / `parseGatewayError(status, body, headers)` (every shape), `readRouteError(response)`
 * (the server route's answer, in the browser), or `new GatewayError(options)`; `gatewayErrorResponse(error)` turns
 * one into the route's answer, `gatewayErrorJson(error)` into its body. Everything but the class itself lives in
 * functions, so a bundle carries only what it uses.
 */
export class GatewayError extends HeliconeKitError {
  override name = 'GatewayError';
  protected static override readonly marker: string = 'helicone-kit.error.GatewayError';
  // `declare`d, as in every error class here: the constructor sets them, so class fields would only add bytes.
  declare readonly status: number;
  /**
   * `error.code` (numbers written as strings), or Google's `error.status` such as `RESOURCE_EXHAUSTED`. It, `type`
   * and `param` have Helicone keys redacted, as have the message and `body`.
   */
  declare readonly code: string | undefined;
  declare readonly type: string | undefined;
  declare readonly param: string | undefined;
  /** `error.details` as sent: the AI Gateway's attempts `{source,type,message,statusCode}`, Google's details. */
  declare readonly details: readonly unknown[];
  declare readonly retryAfterMs: number | undefined;
  /** `Helicone-Id` of the failed request, when the response had one. */
  declare readonly requestId: string | undefined;
  /** The body text, cut at 8192 characters, Helicone keys redacted. */
  declare readonly body: string | undefined;

  constructor({ message, body, cause, details, ...fields }: GatewayErrorOptions) {
    super(redact(cut(message ?? `Request failed with status ${fields.status}.`, MAX_ERROR_MESSAGE_LENGTH)), {
      cause,
    });
    // The other options are the fields of the same names; the texts a body gave are redacted too.
    Object.assign(this, fields, {
      details: details ?? [],
      body: redact(body && cut(body, MAX_ERROR_BODY_LENGTH)),
      type: redact(fields.type),
      code: redact(fields.code),
      param: redact(fields.param),
    });
  }

  /** 408, 409, 429 and every 5xx: worth trying again (after `retryAfterMs` when known). */
  get isRetryable(): boolean {
    return this.status === 408 || this.status === 409 || this.status === 429 || this.status >= 500;
  }
}
