import type { Authorization } from '../options/handler-options';
import type { ResolvedOptions } from '../options/resolve-options';

/** What every route handler gets about the call it answers. */
export type RequestContext = {
  request: Request;
  options: ResolvedOptions;
  /** The allowed cross-site origin to answer with CORS headers, if the call is one. */
  corsOrigin: string | undefined;
  authorization: Authorization;
};
