import type { Attempt } from '../behaviours/attempts';

export type Chunk = Record<string, unknown>;

/** What a provider gives back for one attempt. */
export type ProviderResult =
  | { ok: true; kind: 'json'; body: Record<string, unknown> }
  | { ok: true; kind: 'stream'; chunks: AsyncIterable<Chunk | string> }
  | { ok: false; status: number; message: string };

export type ProviderRequest = {
  /** `chat`, `completion` or `embedding`: which endpoint the body is for. */
  operation: 'chat' | 'completion' | 'embedding';
  body: Record<string, unknown>;
  attempt: Attempt;
  stream: boolean;
  signal: AbortSignal;
  /** A cache bucket slot, so each slot of a bucket holds a different answer. */
  variant: number;
};

/** Answers attempts: the offline generator, or a real upstream server. */
export type Provider = (request: ProviderRequest) => Promise<ProviderResult>;
