import { HandlerOptionsError } from './handler-options-error';

function parseHttpUrl(option: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value is not echoed: a Helicone base URL can carry the key in its path.
    throw new HandlerOptionsError(option, 'is not an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HandlerOptionsError(option, 'must be an http(s) URL.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new HandlerOptionsError(option, 'must not have a query or a fragment.');
  }
  return url;
}

/** An OpenAI-style base: given with or without `/v1`, it ends with `/v1` (no trailing slash). */
export function normalizeOpenAIBaseURL(option: string, text: string): string {
  const url = parseHttpUrl(option, text);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path.endsWith('/v1') ? path : `${path}/v1`}`;
}

/** A REST API base: given with or without `/v1`, it ends without it (paths add `/v1/...`). */
export function normalizeApiBaseURL(option: string, text: string): string {
  const url = parseHttpUrl(option, text);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${url.origin}${path}`;
}
