import type { HeliconeOptions } from '@helicone-kit/core';

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

/** The attribution fields of the typed options (HELICONE.md §2.1, §2.4). */
export function requestMetadata(options: HeliconeOptions): RequestMetadata {
  return {
    // A legacy worker cut user ids to 128 characters.
    userId: options.userId?.slice(0, 128) ?? null,
    sessionId: options.session?.id ?? null,
    sessionPath: options.session?.path ?? null,
    sessionName: options.session?.name ?? null,
    promptId: options.promptId ?? null,
    properties: options.properties ?? {},
    omitRequest: options.omitRequest === true,
    omitResponse: options.omitResponse === true,
  };
}
