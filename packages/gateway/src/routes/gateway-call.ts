import type { GatewayState } from '../gateway-state';
import type { Exchange } from '../http/exchange';
import { readRequestMetadata, type RequestMetadata } from '../http/request-metadata';
import { sendText, type HeaderMap } from '../http/respond';
import { buildRecord, type RecordFields } from '../log/build-record';
import { requestIdOf } from '../behaviours/request-id';

/** The shared frame of the three gateway endpoints: request id, metadata, the body text, and the log. */
export type GatewayCall = {
  state: GatewayState;
  exchange: Exchange;
  requestId: string;
  metadata: RequestMetadata;
  bodyText: string;
  /** `Helicone-Id` and friends, sent on every answer of this call. */
  headers: HeaderMap;
  /** Commits this call's log row (once). */
  record(fields: RecordFields): void;
  /** Answers a plain-text error (the real gateway's pre-routing errors) and logs it. */
  failText(status: number, message: string, fields?: Partial<RecordFields>): void;
};

export function startGatewayCall(state: GatewayState, exchange: Exchange, bodyText: string): GatewayCall {
  const requestId = requestIdOf(exchange.request.headers['helicone-request-id']);
  const metadata = readRequestMetadata(exchange.request.headers);
  let recorded = false;
  const call: GatewayCall = {
    state,
    exchange,
    requestId,
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
  };
  return call;
}
