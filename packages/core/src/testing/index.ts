export { createMockTransport, textSteps } from './create-mock-transport';
export type { MockResponse, MockStep, MockTransport, MockTransportScript } from './create-mock-transport';
