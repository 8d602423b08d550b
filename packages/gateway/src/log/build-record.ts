import type { Exchange } from '../http/exchange';
import type { RequestMetadata } from '../http/request-metadata';
import type { RequestRecord } from './request-record';

export type RecordFields = Partial<
  Omit<RequestRecord, 'requestId' | 'path' | 'createdAt' | 'completedAt'>
> & {
  status: RequestRecord['status'];
  httpStatus: number;
};

/** A log row for an exchange: request facts from the exchange and metadata, outcome from `fields`. */
export function buildRecord(
  exchange: Exchange,
  requestId: string,
  metadata: RequestMetadata,
  requestBody: string | null,
  fields: RecordFields,
): RequestRecord {
  return {
    requestId,
    path: exchange.url.pathname,
    createdAt: exchange.startedAt,
    completedAt: Date.now(),
    timeToFirstTokenMs: null,
    stream: false,
    requestedModel: null,
    model: null,
    provider: null,
    promptTokens: null,
    completionTokens: null,
    reasoningTokens: null,
    promptCacheReadTokens: null,
    promptCacheWriteTokens: null,
    costUsd: null,
    cacheHit: false,
    cacheEnabled: false,
    userId: metadata.userId,
    sessionId: metadata.sessionId,
    sessionPath: metadata.sessionPath,
    sessionName: metadata.sessionName,
    properties: metadata.properties,
    promptId: metadata.promptId,
    requestBody: metadata.omitRequest ? null : requestBody,
    responseBody: null,
    error: null,
    attempts: [],
    ...fields,
    ...(metadata.omitResponse ? { responseBody: null } : {}),
  };
}
