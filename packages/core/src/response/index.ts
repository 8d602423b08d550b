export { HELICONE_RESPONSE_HEADERS, readHeliconeResponse } from './read-helicone-response';
export type { HeliconeAnswerInfo } from './read-answer-info';
export type { HeliconeResponseInfo } from './read-helicone-response';
export type { HeadersInput } from './read-header';
