/**
 * Helicone registry ids that `@pydantic/genai-prices` does not recognise, mapped to the library's id for the same
 * model at its maker's list price. Most Helicone ids already resolve (`claude-3.5-haiku`, `claude-4.5-haiku`,
 * `deepseek-r1`, `gpt-4o-mini`); add an entry only after checking that `calcPrice` returns `null` for the Helicone id.
 */
export const modelAliases: Readonly<Record<string, string>> = {
  'claude-4.5-sonnet': 'claude-sonnet-4-5',
  // Moonshot lists Kimi K2 0905 as `kimi-k2-0905-preview` (library provider `moonshotai`).
  'kimi-k2-0905': 'kimi-k2-0905-preview',
};

/**
 * Helicone registry ids served by one provider only, whose price the library lists only under that provider: a
 * lookup without a provider uses it.
 */
export const homeProviders: Readonly<Record<string, string>> = {
  'llama-3.3-70b-versatile': 'groq',
};

const openRouterAnthropic = (name: string) => `anthropic/${name}`;

/**
 * Per provider, Helicone registry ids → the provider's own model id, which is the id the library lists the price
 * under (`claude-3.5-haiku` on `openrouter` is `anthropic/claude-3.5-haiku`). Taken from the `providerModelId` of
 * each endpoint in the local gateway's catalogue (packages/gateway/src/catalogue/models.ts, which cites Helicone's
 * registry), kept only where the library knows the provider id and not the Helicone id.
 */
export const providerModelIds: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  openrouter: {
    ...Object.fromEntries(
      [
        'gpt-4o',
        'gpt-4o-mini',
        'gpt-4.1',
        'gpt-4.1-mini',
        'gpt-4.1-nano',
        'o3',
        'o4-mini',
        'gpt-5',
        'gpt-5-mini',
      ].map((id) => [id, `openai/${id}`]),
    ),
    ...Object.fromEntries(
      ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro'].map((id) => [id, `google/${id}`]),
    ),
    'claude-3.5-haiku': openRouterAnthropic('claude-3.5-haiku'),
    'claude-3.5-sonnet-v2': openRouterAnthropic('claude-3.5-sonnet'),
    'claude-sonnet-4': openRouterAnthropic('claude-sonnet-4'),
    'claude-opus-4-1': openRouterAnthropic('claude-opus-4.1'),
    'claude-4.5-sonnet': openRouterAnthropic('claude-sonnet-4.5'),
    'claude-4.5-haiku': openRouterAnthropic('claude-haiku-4.5'),
    'kimi-k2-0905': 'moonshotai/kimi-k2-0905',
  },
  bedrock: {
    'claude-3.5-haiku': 'anthropic.claude-3-5-haiku-20241022-v1:0',
    'claude-3.5-sonnet-v2': 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    'claude-3.7-sonnet': 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    'claude-sonnet-4': 'anthropic.claude-sonnet-4-20250514-v1:0',
    'claude-opus-4-1': 'anthropic.claude-opus-4-1-20250805-v1:0',
    'claude-4.5-sonnet': 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    'claude-4.5-haiku': 'anthropic.claude-haiku-4-5-20251001-v1:0',
  },
  groq: {
    'kimi-k2-0905': 'moonshotai/kimi-k2-instruct-0905',
  },
};

/**
 * Provider names of Helicone that are not providers of their own in the price data. `helicone` is the gateway's
 * pass-through billing (PTB): it charges the model's list price, so the model is looked up without a provider.
 */
export const listPriceProviders: ReadonlySet<string> = new Set(['helicone']);
