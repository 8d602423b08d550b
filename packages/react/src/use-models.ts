'use client';

import { useQuery } from '@tanstack/react-query';
import { useHeliconeContext } from './helicone-context';
import { modelsQueryOptions } from './models-query-options';

/** The route's model list (`GET {api}/models`) through react-query: `data`, `isPending`, `error`, `refetch`... */
export function useModels(options: { api?: string } = {}) {
  const context = useHeliconeContext();
  const api = options.api ?? context.api;
  return useQuery(modelsQueryOptions(api, context.transport), context.queryClient);
}
