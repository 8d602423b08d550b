import { planAttempts, type Attempt } from '../behaviours/attempts';
import { embeddingVector, vectorToBase64 } from '../generator/embedding';
import { countTokens } from '../generator/tokens';
import type { GatewayCall } from './gateway-call';

const missingModel = 'Invalid body or missing model. See supported models at https://helicone.ai/models';

function inputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.length > 0) {
    // Token arrays (number[] or number[][]) are embedded through their JSON text.
    if (input.every((entry) => typeof entry === 'number')) return [JSON.stringify(input)];
    if (input.every((entry) => typeof entry === 'string' || Array.isArray(entry))) {
      return input.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
    }
  }
  return undefined;
}

/** `POST /v1/embeddings`: deterministic unit vectors of the model's real dimension (or `dimensions`). */
export function handleEmbeddings(call: GatewayCall, body: Record<string, unknown>): void {
  if (typeof body.model !== 'string') return call.failText(400, missingModel);
  const requestedModel = body.model;
  const texts = inputs(body.input);
  if (texts === undefined) {
    return call.failText(400, "Invalid 'input': expected a string or an array of strings.", {
      requestedModel,
    });
  }
  const plan = planAttempts(requestedModel);
  if (!plan.ok) return call.failText(400, plan.message, { requestedModel });
  const attempt = plan.attempts[0] as Attempt;
  const native = attempt.model?.dimensions ?? 1536;
  const dimensions =
    typeof body.dimensions === 'number' && Number.isInteger(body.dimensions) ? body.dimensions : native;
  if (dimensions < 1 || dimensions > native) {
    return call.failText(
      400,
      `Invalid 'dimensions': must be between 1 and ${native} for ${requestedModel}.`,
      { requestedModel },
    );
  }
  const base64 = body.encoding_format === 'base64';
  const promptTokens = texts.reduce((sum, text) => sum + countTokens(text), 0);
  const json = {
    object: 'list',
    data: texts.map((text, index) => {
      const vector = embeddingVector(attempt.providerModelId, text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? vectorToBase64(vector) : vector };
    }),
    model: attempt.providerModelId,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
  const text = JSON.stringify(json);
  call.record({
    status: 'success',
    httpStatus: 200,
    requestedModel,
    model: attempt.providerModelId,
    provider: attempt.provider,
    promptTokens,
    completionTokens: 0,
    // Vectors are large and carry no information: the log keeps the shape, not the numbers.
    responseBody: JSON.stringify({
      ...json,
      data: json.data.map(({ index }) => ({ object: 'embedding', index })),
    }),
  });
  call.exchange.response.writeHead(200, {
    ...call.headers,
    'content-type': 'application/json',
    'helicone-status': 'success',
    'helicone-gateway-mode': attempt.mode,
    'helicone-provider': attempt.provider,
    'helicone-model': attempt.providerModelId,
  });
  call.exchange.response.end(text);
}
