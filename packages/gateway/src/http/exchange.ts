import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request and its response, with an abort signal that fires when the client goes away. */
export type Exchange = {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  startedAt: number;
  signal: AbortSignal;
};
