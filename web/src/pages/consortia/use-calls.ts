import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Expression } from '../../api/consortium-types.js';
import type { Call, Page } from '../../api/types.js';
import { expressionsKey } from './keys.js';

/** The published calls, by id, and those open for expressions of interest now. */
export function useCalls() {
  const calls = useQuery({
    queryKey: ['calls', 'all'],
    queryFn: () =>
      must(api.GET('/api/v1/calls', { params: { query: { limit: '100' } } })) as Promise<Page<Call>>,
  });
  const items = calls.data?.items ?? [];
  const now = Date.now();
  return {
    byId: new Map(items.map((c) => [c.id, c])),
    open: items.filter(
      (c) =>
        c.status === 'published' &&
        new Date(c.opensAt).getTime() <= now &&
        now < new Date(c.closesAt).getTime(),
    ),
  };
}

/** A consortium's expressions of interest. */
export function useConsortiumExpressions(consortiumId: string) {
  return useQuery({
    queryKey: expressionsKey(consortiumId),
    queryFn: () =>
      must(
        api.GET('/api/v1/consortia/{id}/expressions', { params: { path: { id: consortiumId } } }),
      ) as Promise<Page<Expression>>,
  });
}
