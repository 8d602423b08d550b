import { errorResponse } from '../responses/error-response';
import { applyCorsHeaders } from './cors-headers';
import type { OriginDecision } from './origin-policy';

const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Answers `OPTIONS`: a CORS preflight from an allowed origin, or a plain `Allow` for anything else. */
export function answerPreflight(request: Request, decision: OriginDecision, allow: string): Response {
  const isPreflight = request.headers.has('access-control-request-method');
  if (decision.kind === 'refused' && (isPreflight || decision.origin !== undefined)) {
    return errorResponse(403, {
      message: 'This origin may not call the route (see the allowedOrigins option).',
      code: 'origin_not_allowed',
    });
  }
  const headers = new Headers({ Allow: allow, 'Cache-Control': 'no-store' });
  if (decision.kind === 'allowed') {
    applyCorsHeaders(headers, decision.origin);
    headers.set('Access-Control-Allow-Methods', allow);
    const requested = request.headers.get('access-control-request-headers');
    if (requested !== null) headers.set('Access-Control-Allow-Headers', requested);
    headers.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    headers.append('Vary', 'Access-Control-Request-Headers');
  }
  return new Response(null, { status: 204, headers });
}
