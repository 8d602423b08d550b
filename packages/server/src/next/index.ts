import type { HeliconeHandler } from '../create-helicone-handler';

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * The route as Next.js App Router handlers, for a catch-all route file under the base path
 * (`app/api/helicone/[...path]/route.ts`): `export const { GET, POST, OPTIONS } = toNextHandlers(handler)`.
 * Web APIs only, so it runs on the Node and the edge runtime.
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
