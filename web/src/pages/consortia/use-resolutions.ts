import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Resolution } from '../../api/consortium-types.js';
import type { Page } from '../../api/types.js';
import { resolutionsKey } from './keys.js';

/** A consortium's resolutions, read again every `refetchInterval` ms when given (a vote under way). */
export function useResolutions(consortiumId: string, refetchInterval?: number) {
  return useQuery({
    queryKey: resolutionsKey(consortiumId),
    queryFn: () =>
      must(
        api.GET('/api/v1/consortia/{id}/resolutions', { params: { path: { id: consortiumId } } }),
      ) as Promise<Page<Resolution>>,
    ...(refetchInterval ? { refetchInterval } : {}),
  });
}
