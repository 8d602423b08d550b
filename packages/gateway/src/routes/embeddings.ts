import { missingModel } from './chat-completions';
import { embeddingInputs } from './embedding-output';
import type { GatewayCall } from './gateway-call';
import { serveOperation } from './serve-operation';

/** OpenAI's limit of inputs per embeddings request. */
const maxInputs = 2048;

/** `POST /v1/embeddings`: deterministic unit vectors (offline) or the upstream's. */
export async function handleEmbeddings(call: GatewayCall, body: Record<string, unknown>): Promise<void> {
  if (typeof body.model !== 'string') return call.failText(400, missingModel);
  const inputs = embeddingInputs(body.input);
  if (inputs === undefined || inputs.length > maxInputs) {
    return call.failText(
      400,
      `Invalid 'input': expected a string or an array of at most ${maxInputs} strings.`,
      {
        requestedModel: body.model,
      },
    );
  }
  await serveOperation(call, 'embedding', body, body.model);
}
