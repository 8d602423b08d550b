/** A real server behind the gateway: any OpenAI-compatible API, or Anthropic's Messages API. */
export type UpstreamOptions = {
  /** Base URL: for OpenAI-compatible servers the one the OpenAI SDK takes (`.../v1`); for Anthropic the host. */
  url: string;
  /** Sent as `Authorization: Bearer` (OpenAI-compatible) or `x-api-key` (Anthropic). */
  apiKey?: string;
  /** Default: `anthropic` when the host is api.anthropic.com, else `openai`. */
  format?: 'openai' | 'anthropic';
  /** Extra headers for every upstream call. */
  headers?: Record<string, string>;
  /**
   * The `model` sent upstream: `'provider'` (default) the attempt's provider model id (`gpt-4o-mini`,
   * `claude-3-5-haiku-20241022`), for a provider's own API; `'helicone'` the attempt as a Helicone model string
   * (`claude-3.5-haiku/anthropic`), for a Helicone gateway upstream (the real one, or another local gateway).
   */
  modelForm?: 'provider' | 'helicone';
};

export function upstreamFormat(upstream: UpstreamOptions): 'openai' | 'anthropic' {
  if (upstream.format) return upstream.format;
  try {
    return new URL(upstream.url).hostname.endsWith('anthropic.com') ? 'anthropic' : 'openai';
  } catch {
    return 'openai';
  }
}
