import { fetchRoute, type GatewayError, type ModelInfo, type ModelList } from '@helicone-kit/core';
import type { DataTag, UseQueryOptions } from '@tanstack/react-query';
import { DEFAULT_API } from './helicone-context';
import type { RouteRequestInit } from './route-request-init';

/** The provider's `fetch`, `headers` and `credentials` (see `<HeliconeProvider>`). */
export type ModelsQueryInit = RouteRequestInit;

export const modelsQueryKey = (api: string) => ['helicone-kit', 'models', api] as const;

type ModelsQueryKey = ReturnType<typeof modelsQueryKey>;

/** Named with `@tanstack/react-query`'s own types, so the published declarations need nothing else. */
export type ModelsQueryOptions = UseQueryOptions<ModelInfo[], Error, ModelInfo[], ModelsQueryKey> & {
  queryKey: DataTag<ModelsQueryKey, ModelInfo[], Error>;
};

/**
 * The react-query options for the route's model list (`GET {api}/models`): plain data, so an app can prefetch it
 * in a loader (`queryClient.prefetchQuery(modelsQueryOptions('/api/helicone'))`). A failed request throws a
 * `GatewayError`.
 */
export function modelsQueryOptions(
  api: string = DEFAULT_API,
  init: ModelsQueryInit = {},
): ModelsQueryOptions {
  // Plain data (react-query's `queryOptions` only tags the types, done here by the declared return type).
  return {
    queryKey: modelsQueryKey(api) as ModelsQueryOptions['queryKey'],
    queryFn: async ({ signal }) => {
      const response = await fetchRoute({ ...init, api }, 'models', { signal });
      const list = (await response.json()) as ModelList;
      return Array.isArray(list.data) ? list.data : [];
    },
    // The list changes when the route's configuration does, not while a page is open.
    staleTime: 300_000,
    // A refusal (404, 401, ...) will not change on its own: only what the route calls retryable is tried again.
    retry: (failures, error) => failures < 3 && (error as Partial<GatewayError>).isRetryable === true,
  };
}
