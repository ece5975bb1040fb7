import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Organisation } from '../../api/types.js';
import { Select, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';

export interface PublicationValues {
  durationMonths: string;
  place: string;
  reviewBodyId: string;
}

export const emptyPublication = (): PublicationValues => ({
  durationMonths: '',
  place: '',
  reviewBodyId: '',
});

/** What a tender body gains from the publication fields: only what the officer gave. */
export const publicationOf = (v: PublicationValues) => ({
  ...(v.durationMonths.trim() ? { contractDuration: `P${Number(v.durationMonths)}M` } : {}),
  ...(v.place.trim() ? { placeOfPerformance: v.place.trim().toUpperCase() } : {}),
  ...(v.reviewBodyId ? { reviewBodyId: v.reviewBodyId } : {}),
});

/**
 * What the EU's notices say of a tender beyond the rest of the draft: the contract's duration,
 * where it is performed, and the review body that hears complaints.
 */
export function PublicationFields({
  values,
  onChange,
  error,
}: {
  values: PublicationValues;
  onChange: (part: Partial<PublicationValues>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useLocale();
  const bodies = useQuery({
    queryKey: ['organisations', 'review-body'],
    queryFn: async () =>
      (
        (await must(
          api.GET('/api/v1/organisations', { params: { query: { kind: 'review-body', limit: '100' } } }),
        )) as { items: Organisation[] }
      ).items,
  });
  return (
    <>
      <TextField
        id="contract-duration"
        type="number"
        size="s"
        min={1}
        max={999}
        required={false}
        label={t('publicationFields.duration')}
        help={t('publicationFields.durationHint')}
        value={values.durationMonths}
        onChange={(durationMonths) => onChange({ durationMonths })}
        error={error('/contractDuration')}
      />
      <TextField
        id="place-of-performance"
        size="s"
        required={false}
        label={t('publicationFields.place')}
        help={t('publicationFields.placeHint')}
        value={values.place}
        onChange={(place) => onChange({ place })}
        error={error('/placeOfPerformance')}
      />
      <Select
        id="review-body"
        label={t('publicationFields.reviewBody')}
        value={values.reviewBodyId}
        onChange={(reviewBodyId) => onChange({ reviewBodyId })}
      >
        <option value="">{t('publicationFields.reviewBodyDefault')}</option>
        {(bodies.data ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </>
  );
}
