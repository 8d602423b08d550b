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
 * here, so `Authorization`, cookies, hop-by-hop headers and unlisted `Helicone-*` headers never pass. A plain
 * record with lower-case names (values checked by core's codec): no `Headers` object to build and copy again.
 */
export function buildUpstreamHeaders({
  target,
  apiKey,
  helicone,
  accept,
  hasBody,
}: UpstreamHeaderSources): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in helicone) headers[name.toLowerCase()] = helicone[name]!;
  if (hasBody) headers['content-type'] = 'application/json';
  headers.accept = accept ?? 'application/json, text/event-stream';
  if (target.providerApiKey === undefined) {
    headers.authorization = `Bearer ${apiKey}`;
  } else {
    // Helicone's legacy proxies: the provider's key in Authorization, Helicone's in Helicone-Auth.
    headers.authorization = `Bearer ${target.providerApiKey}`;
    headers['helicone-auth'] = `Bearer ${apiKey}`;
  }
  return headers;
}
