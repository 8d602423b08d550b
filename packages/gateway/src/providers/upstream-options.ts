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
};

export function upstreamFormat(upstream: UpstreamOptions): 'openai' | 'anthropic' {
  if (upstream.format) return upstream.format;
  try {
    return new URL(upstream.url).hostname.endsWith('anthropic.com') ? 'anthropic' : 'openai';
  } catch {
    return 'openai';
  }
}
