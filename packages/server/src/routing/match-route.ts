export type RouteName = 'chat' | 'completions' | 'embeddings' | 'models' | 'feedback';

export type RouteMatch =
  { kind: 'route'; route: RouteName; methods: readonly string[] } | { kind: 'not-found' };

const routes: Record<string, { route: RouteName; methods: readonly string[] }> = {
  'chat/completions': { route: 'chat', methods: ['POST'] },
  completions: { route: 'completions', methods: ['POST'] },
  embeddings: { route: 'embeddings', methods: ['POST'] },
  models: { route: 'models', methods: ['GET'] },
  feedback: { route: 'feedback', methods: ['POST'] },
};

/** `/api/helicone/` → `/api/helicone`; a missing leading slash is added. */
export function normalizeBasePath(basePath: string): string {
  const withSlash = basePath.startsWith('/') ? basePath : `/${basePath}`;
  return withSlash.replace(/\/+$/, '');
}

/**
 * Finds the route for a path under `basePath`. The same routes answer under `{base}/v1/`, so clients written
 * for the gateway's own base URL work unchanged; a trailing slash is ignored.
 */
export function matchRoute(pathname: string, basePath: string): RouteMatch {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return { kind: 'not-found' };
  let rest = pathname.slice(basePath.length).replace(/^\/+/, '').replace(/\/+$/, '');
  if (rest.startsWith('v1/')) rest = rest.slice(3);
  const found = Object.hasOwn(routes, rest) ? routes[rest] : undefined;
  return found === undefined ? { kind: 'not-found' } : { kind: 'route', ...found };
}
