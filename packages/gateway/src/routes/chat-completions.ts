import { expandPrompt, hasPromptFields } from '../behaviours/expand-prompt';
import type { GatewayCall } from './gateway-call';
import { serveOperation } from './serve-operation';

export const missingModel =
  'Invalid body or missing model. See supported models at https://helicone.ai/models';
const modelNotString =
  'Invalid model type. Model must be a string. See supported models at https://helicone.ai/models';

/** OpenAI's own limit on `n`; larger values would only let a client make the gateway spin. */
const maxChoices = 128;

function invalidChoices(body: Record<string, unknown>): string | undefined {
  const { n } = body;
  if (n === undefined || n === null) return undefined;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= maxChoices
    ? undefined
    : `Invalid 'n': must be an integer from 1 to ${maxChoices}.`;
}

/** `POST /v1/chat/completions` (and any other POST path, as the real gateway reads them). */
export async function handleChatCompletions(
  call: GatewayCall,
  original: Record<string, unknown>,
): Promise<void> {
  let body = original;
  let promptId: string | undefined;
  if (hasPromptFields(original)) {
    const expanded = expandPrompt(call.state.prompts, original);
    if (!expanded.ok) {
      return call.failJson(
        400,
        { error: expanded.message },
        { requestedModel: typeof original.model === 'string' ? original.model : null },
      );
    }
    body = expanded.body;
    promptId = expanded.promptId;
  }
  if (body.model === undefined) return call.failText(400, missingModel);
  if (typeof body.model !== 'string') return call.failText(400, modelNotString);
  if (!Array.isArray(body.messages)) return call.failText(400, missingModel, { requestedModel: body.model });
  if (
    !body.messages.every(
      (message) => typeof message === 'object' && message !== null && !Array.isArray(message),
    )
  ) {
    return call.failText(400, "Invalid 'messages': every message must be an object.", {
      requestedModel: body.model,
    });
  }
  const choicesError = invalidChoices(body);
  if (choicesError) return call.failText(400, choicesError, { requestedModel: body.model });
  // The gateway reads `plugins` (web search) itself and never forwards it.
  const { plugins: _plugins, ...forwarded } = body;
  await serveOperation(call, 'chat', forwarded, body.model, promptId);
}

/** `POST /v1/completions`: legacy text completions (HELICONE.md §1.3 marks them unverified on the gateway). */
export async function handleCompletions(call: GatewayCall, body: Record<string, unknown>): Promise<void> {
  if (typeof body.model !== 'string') return call.failText(400, missingModel);
  if (typeof body.prompt !== 'string' && !Array.isArray(body.prompt)) {
    return call.failText(400, missingModel, { requestedModel: body.model });
  }
  const choicesError = invalidChoices(body);
  if (choicesError) return call.failText(400, choicesError, { requestedModel: body.model });
  await serveOperation(call, 'completion', body, body.model);
}
