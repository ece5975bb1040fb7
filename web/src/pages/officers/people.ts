import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Page, User } from '../../api/types.js';

/** The platform's people of one role, with a lookup of a name by user id (the id when unknown). */
export function usePeople(role: User['role']) {
  const people = useQuery({
    queryKey: ['users', role],
    queryFn: () =>
      must(api.GET('/api/v1/users', { params: { query: { role, limit: '100' } } })) as Promise<Page<User>>,
  });
  const items = people.data?.items ?? [];
  return {
    items,
    error: people.error,
    nameOf: (userId: string) => items.find((u) => u.id === userId)?.name ?? userId,
  };
}
