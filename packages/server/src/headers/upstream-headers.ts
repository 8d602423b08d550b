import type { ResolvedTarget } from '../options/resolve-options';

export type UpstreamHeaderSources = {
  target: ResolvedTarget;
  apiKey: string;
  /** The call's `Helicone-*` headers (from `toHeliconeHeaders`). */
  helicone: Record<string, string>;
  /** The browser's `Accept`, when it sent one. */
  accept: string | null;
  hasBody: boolean;
};

/**
 * The headers sent to Helicone, built from nothing: no browser header reaches the gateway unless it is listed
 * here, so `Authorization`, cookies, hop-by-hop headers and unlisted `Helicone-*` headers never pass.
 */
export function buildUpstreamHeaders({
  target,
  apiKey,
  helicone,
  accept,
  hasBody,
}: UpstreamHeaderSources): Headers {
  const headers = new Headers(helicone);
  if (hasBody) headers.set('Content-Type', 'application/json');
  headers.set('Accept', accept ?? 'application/json, text/event-stream');
  if (target.providerApiKey === undefined) {
    headers.set('Authorization', `Bearer ${apiKey}`);
  } else {
    // Helicone's legacy proxies: the provider's key in Authorization, Helicone's in Helicone-Auth.
    headers.set('Authorization', `Bearer ${target.providerApiKey}`);
    headers.set('Helicone-Auth', `Bearer ${apiKey}`);
  }
  return headers;
}
