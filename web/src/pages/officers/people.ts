import { useQueries, useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Organisation, Page, User } from '../../api/types.js';

/** The names of the people with these ids, each read once; a lookup answering the id until known. */
export function useNames(userIds: string[]) {
  const people = useQueries({
    queries: [...new Set(userIds)].map((userId) => ({
      queryKey: ['user', userId],
      staleTime: 300_000,
      queryFn: () =>
        must(api.GET('/api/v1/users/{userId}', { params: { path: { userId } } })) as Promise<User>,
    })),
  });
  return (userId: string) => people.find((p) => p.data?.id === userId)?.data?.name ?? userId;
}

/** The people of one role whose name or e-mail has the words typed (the first twenty). */
export function usePeopleSearch(role: User['role'], words: string) {
  const q = words.trim();
  return useQuery({
    queryKey: ['users', role, q],
    queryFn: () =>
      must(
        api.GET('/api/v1/users', { params: { query: { role, limit: '20', ...(q ? { q } : {}) } } }),
      ) as Promise<Page<User>>,
  });
}

/** The names of the organisations with these ids, each read once; a lookup answering the id until known. */
export function useOrganisationNames(organisationIds: string[]) {
  const organisations = useQueries({
    queries: [...new Set(organisationIds)].map((organisationId) => ({
      queryKey: ['organisation', organisationId],
      staleTime: 300_000,
      queryFn: () =>
        must(
          api.GET('/api/v1/organisations/{organisationId}', { params: { path: { organisationId } } }),
        ) as Promise<Organisation>,
    })),
  });
  return (id: string) => organisations.find((o) => o.data?.id === id)?.data?.name ?? id;
}
