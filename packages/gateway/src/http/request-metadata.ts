import type { IncomingHttpHeaders } from 'node:http';

/** What the request log keeps from a request's `Helicone-*` headers. */
export type RequestMetadata = {
  userId: string | null;
  sessionId: string | null;
  sessionPath: string | null;
  sessionName: string | null;
  promptId: string | null;
  properties: Record<string, string>;
  omitRequest: boolean;
  omitResponse: boolean;
};

function single(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? null : text;
}

function flag(value: string | string[] | undefined): boolean {
  return single(value)?.toLowerCase() === 'true';
}

const propertyPrefix = 'helicone-property-';

/** Reads the attribution headers (HELICONE.md §2.1, §2.4). Node lower-cases header names. */
export function readRequestMetadata(headers: IncomingHttpHeaders): RequestMetadata {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(propertyPrefix)) continue;
    const text = single(value);
    if (text !== null && name.length > propertyPrefix.length)
      properties[name.slice(propertyPrefix.length)] = text;
  }
  return {
    // A legacy worker cut user ids to 128 characters.
    userId: single(headers['helicone-user-id'])?.slice(0, 128) ?? null,
    sessionId: single(headers['helicone-session-id']),
    sessionPath: single(headers['helicone-session-path']),
    sessionName: single(headers['helicone-session-name']),
    promptId: single(headers['helicone-prompt-id']),
    properties,
    omitRequest: flag(headers['helicone-omit-request']),
    omitResponse: flag(headers['helicone-omit-response']),
  };
}
