import type { HeliconeOptions, RateLimitPolicy } from '@helicone-kit/core';
import { readHeliconeOptions } from '../behaviours/read-helicone-options';
import { requestIdOf } from '../behaviours/request-id';
import type { GatewayState } from '../gateway-state';
import type { Exchange } from '../http/exchange';
import { requestMetadata, type RequestMetadata } from '../http/request-metadata';
import { sendJson, sendText, type HeaderMap } from '../http/respond';
import { buildRecord, type RecordFields } from '../log/build-record';

/** The shared frame of the gateway endpoints: request id, Helicone options, the body text, and the log row. */
export type GatewayCall = {
  state: GatewayState;
  exchange: Exchange;
  requestId: string;
  options: HeliconeOptions;
  rateLimitPolicy: RateLimitPolicy | undefined;
  bucketTooLarge: boolean;
  metadata: RequestMetadata;
  bodyText: string;
  /** `Helicone-Id` and friends, sent on every answer of this call. */
  headers: HeaderMap;
  /** Commits this call's log row (once). */
  record(fields: RecordFields): void;
  /** Answers a plain-text error (the real gateway's pre-routing errors) and logs it. */
  failText(status: number, message: string, fields?: Partial<RecordFields>): void;
  /** Answers a JSON error and logs it. */
  failJson(status: number, body: unknown, fields?: Partial<RecordFields>): void;
};

export function startGatewayCall(state: GatewayState, exchange: Exchange, bodyText: string): GatewayCall {
  const requestId = requestIdOf(exchange.request.headers['helicone-request-id']);
  const read = readHeliconeOptions(
    exchange.request.headers,
    (message) => state.warn(message),
    (message) => state.warnOnce(message),
  );
  const metadata = requestMetadata(read.options);
  let recorded = false;
  const call: GatewayCall = {
    state,
    exchange,
    requestId,
    options: read.options,
    rateLimitPolicy: read.rateLimitPolicy,
    bucketTooLarge: read.bucketTooLarge,
    metadata,
    bodyText,
    headers: { 'helicone-id': requestId },
    record(fields) {
      if (recorded) return;
      recorded = true;
      state.log.record(buildRecord(exchange, requestId, metadata, bodyText, fields));
    },
    failText(status, message, fields = {}) {
      call.record({ status: 'error', httpStatus: status, error: message, responseBody: message, ...fields });
      sendText(exchange.response, status, message, { ...call.headers, 'helicone-status': 'failed' });
    },
    failJson(status, body, fields = {}) {
      const text = JSON.stringify(body);
      call.record({ status: 'error', httpStatus: status, error: text, responseBody: text, ...fields });
      sendJson(exchange.response, status, body, { ...call.headers, 'helicone-status': 'failed' });
    },
  };
  return call;
}
