export { HELICONE_RESPONSE_HEADERS, readHeliconeResponse } from './read-helicone-response';
export type { HeliconeResponseInfo } from './read-helicone-response';
export type { HeadersInput } from './read-header';
