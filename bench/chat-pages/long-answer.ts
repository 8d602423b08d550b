/** The model both clients ask for; the local gateway serves it offline. */
export const benchModel = 'gpt-4o-mini';

/**
 * The local gateway's prose ends after a few hundred tokens, but a JSON answer whose one string must be long runs
 * until `max_tokens`, so every answer is exactly `tokens` tokens. Both clients send this same object, and the
 * gateway seeds its generator on the model, the messages and the response format, so both stream the same text.
 */
export const longAnswerFormat = (tokens: number) => ({
  type: 'json_schema',
  json_schema: {
    name: 'essay',
    schema: { type: 'object', properties: { essay: { type: 'string', minLength: tokens * 10 } } },
  },
});
