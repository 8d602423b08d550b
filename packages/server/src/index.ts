export { createHeliconeHandler } from './create-helicone-handler';
export type { HeliconeHandler } from './create-helicone-handler';
export type { HeliconeHandlerOptions } from './options/helicone-handler-options';
export type {
  Authorization,
  Authorize,
  AuthorizeFeedback,
  Budget,
  Budgets,
  ClientMay,
  Limits,
  Logger,
  OperationTarget,
  Operations,
} from './options/handler-options';
export { HandlerOptionsError } from './options/handler-options-error';
export { EXPOSED_HEADERS } from './cors/cors-headers';
