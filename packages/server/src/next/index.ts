import type { HeliconeHandler } from '../create-helicone-handler';

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * The route as Next.js App Router handlers, for a catch-all route file under the base path
 * (`app/api/helicone/[...path]/route.ts`): `export const { GET, POST, OPTIONS } = toNextHandlers(handler)`.
 * Web APIs only (its import graph reaches no Node built-in, a tested rule), so it suits the Node and the edge
 * runtime; it has been run on Node only.
 */
export function toNextHandlers(handler: HeliconeHandler): {
  GET: RouteHandler;
  POST: RouteHandler;
  OPTIONS: RouteHandler;
} {
  // Next passes a second argument (the route params); the route reads the path from the URL instead.
  const route: RouteHandler = (request) => handler(request);
  return { GET: route, POST: route, OPTIONS: route };
}
