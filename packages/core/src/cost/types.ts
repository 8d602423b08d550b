/** Prices in USD per million tokens. Missing cache prices mean the source lists none for the model. */
export type ModelPrice = {
  input: number;
  /** Cached input tokens read (OpenAI `cached_tokens`, Anthropic cache reads). */
  cachedInput?: number;
  /** Cache writes (Anthropic's 5-minute cache). */
  cacheWrite?: number;
  /** Cache writes with a one-hour lifetime, where the source lists a separate price. */
  cacheWrite1h?: number;
  output: number;
};
