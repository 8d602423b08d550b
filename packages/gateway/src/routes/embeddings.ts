import { missingModel } from './chat-completions';
import { embeddingInputs } from './embedding-output';
import type { GatewayCall } from './gateway-call';
import { serveOperation } from './serve-operation';

/** `POST /v1/embeddings`: deterministic unit vectors (offline) or the upstream's. */
export async function handleEmbeddings(call: GatewayCall, body: Record<string, unknown>): Promise<void> {
  if (typeof body.model !== 'string') return call.failText(400, missingModel);
  if (embeddingInputs(body.input) === undefined) {
    return call.failText(400, "Invalid 'input': expected a string or an array of strings.", {
      requestedModel: body.model,
    });
  }
  await serveOperation(call, 'embedding', body, body.model);
}
