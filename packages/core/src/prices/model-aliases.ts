/**
 * Helicone registry ids that `@pydantic/genai-prices` does not recognise, mapped to the library's id for the same
 * model. Most Helicone ids already resolve (`claude-3.5-haiku`, `claude-4.5-haiku`, `deepseek-r1`, `gpt-4o-mini`);
 * add an entry only after checking that `calcPrice` returns `null` for the Helicone id.
 */
export const modelAliases: Readonly<Record<string, string>> = {
  'claude-4.5-sonnet': 'claude-sonnet-4-5',
};

/**
 * Provider names of Helicone that are not providers of their own in the price data. `helicone` is the gateway's
 * pass-through billing (PTB): it charges the model's list price, so the model is looked up without a provider.
 */
export const listPriceProviders: ReadonlySet<string> = new Set(['helicone']);
