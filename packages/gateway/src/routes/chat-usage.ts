/** OpenAI's `usage` object with the detail fields the real API sends. */
export function chatUsage(
  promptTokens: number,
  completionTokens: number,
  reasoningTokens: number,
  cachedTokens = 0,
) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: cachedTokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reasoningTokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
