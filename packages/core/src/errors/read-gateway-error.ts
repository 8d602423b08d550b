import { GatewayError } from './gateway-error';
import { gatewayErrorOptions } from './parse-gateway-error';
import { MAX_ERROR_PARSE_LENGTH } from './parse-error-body';
import { readBodyText } from './read-body-text';

/**
 * Reads (at most 64 KiB of) an error response's body and parses it as `parseGatewayError` does. Resolves to a
 * `GatewayError`, never rejects; a body that breaks mid-way is the error's `cause`. `redact` sees the whole text
 * read before anything parses or cuts it, so a secret the body echoes cannot survive as a cut-off prefix (the
 * server route passes its key redactor).
 */
export async function readGatewayError(
  response: Response,
  options?: { redact?: (text: string) => string },
): Promise<GatewayError> {
  const [text, failure] = await readBodyText(response, MAX_ERROR_PARSE_LENGTH);
  const readable = options?.redact ? options.redact(text) : text;
  return new GatewayError({
    ...gatewayErrorOptions(response.status, readable, response.headers),
    cause: failure,
  });
}
