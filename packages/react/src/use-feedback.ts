'use client';

import { fetchRoute } from '@helicone-kit/core';
import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { useHeliconeContext } from './helicone-context';

export type UseFeedbackResult = {
  /** The rating given to `requestId` on this page (shown at once, before the route answers); `undefined`: none. */
  readonly rating: boolean | undefined;
  /**
   * Rates a request (default: the hook's `requestId`): `true` thumbs up, `false` thumbs down. Resolves `true` once
   * the route took it, `false` when it failed (see `error`); it never rejects, so it can be called from a click.
   */
  rate(rating: boolean, requestId?: string): Promise<boolean>;
  readonly isPending: boolean;
  /** The last failure; the optimistic rating was then rolled back. */
  readonly error: Error | null;
};

const feedbackKey = (api: string, requestId: string | undefined) =>
  ['helicone-kit', 'feedback', api, requestId ?? ''] as const;

/**
 * Thumbs up or down for an answer (`message.metadata.requestId`), through the route's `POST {api}/feedback`.
 * Optimistic: `rating` changes at once, and goes back if the route refuses.
 */
export function useFeedback(requestId?: string, options: { api?: string } = {}): UseFeedbackResult {
  const context = useHeliconeContext();
  const { queryClient } = context;
  const api = options.api ?? context.api;
  // `null`: no rating (a query's data cannot be set back to `undefined`).
  const { data: rating = null } = useQuery<boolean | null>(
    { queryKey: feedbackKey(api, requestId), queryFn: skipToken },
    queryClient,
  );
  const mutation = useMutation(
    {
      mutationFn: async ({ id, value }: { id: string; value: boolean }) => {
        await fetchRoute({ ...context.transport, api }, 'feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ requestId: id, rating: value }),
        });
      },
      onMutate: ({ id, value }) => {
        const key = feedbackKey(api, id);
        const previous = queryClient.getQueryData<boolean | null>(key) ?? null;
        queryClient.setQueryData<boolean | null>(key, value);
        return { previous };
      },
      onError: (_error, { id }, saved) => {
        const key = feedbackKey(api, id);
        queryClient.setQueryData<boolean | null>(key, saved?.previous ?? null);
      },
    },
    queryClient,
  );
  return {
    rating: rating ?? undefined,
    rate(value, id = requestId) {
      if (id === undefined) throw new TypeError('useFeedback: rate() needs a request id.');
      return mutation.mutateAsync({ id, value }).then(
        () => true,
        () => false,
      );
    },
    isPending: mutation.isPending,
    error: mutation.error,
  };
}
