import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import { useLocale } from '../../i18n.js';
import { type Locale, parseMoney } from '../../lib/format.js';
import type { OfferedCriterion } from '../espd/espd-types.js';

// The tender's ESPD request as the officer's draft holds it, the taxonomy's criteria it is built
// from, and the request's body field.

export interface EspdCriterionRow {
  code: string;
  name: string;
  requires: OfferedCriterion['requires'];
  minimum: string;
  years: string;
  count: string;
  description: string;
  lots: number[];
}

export interface EspdDraft {
  on: boolean;
  grounds: { code: string; name: string }[];
  criteria: EspdCriterionRow[];
}

export const emptyEspd = (): EspdDraft => ({ on: true, grounds: [], criteria: [] });

interface Offered {
  mandatoryGrounds: { code: string; name: string }[];
  items: OfferedCriterion[];
}

/** The taxonomy's criteria matching the words typed; a 404 means the platform asks no ESPD. */
export function useOffered(q: string, lang: string) {
  return useQuery({
    queryKey: ['espd-criteria', q, lang],
    retry: false,
    queryFn: () =>
      must(
        api.GET('/api/v1/espd/criteria', { params: { query: { q, lang: lang as 'en' | 'nl' } } }),
      ) as Promise<Offered>,
  });
}

/** Whether the platform asks ESPDs at all (it has the EU's taxonomy). */
export function useEspdAvailable() {
  const { locale } = useLocale();
  return useOffered('', locale).isSuccess;
}

/** The request's body field; none when the officer asks no ESPD or the platform has no taxonomy. */
export function espdOf(d: EspdDraft, available: boolean, locale: Locale) {
  if (!d.on || !available) return {};
  const number = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    espd: {
      exclusionGrounds: d.grounds.map((g) => g.code),
      selectionCriteria: d.criteria.map((c) => ({
        code: c.code,
        ...(c.lots.length ? { lots: c.lots } : {}),
        ...(c.requires.includes('minimumCents') ? { minimumCents: parseMoney(c.minimum, locale) ?? 0 } : {}),
        ...(c.requires.includes('years') ? { years: number(c.years) } : {}),
        ...(c.requires.includes('minimumCount') ? { minimumCount: number(c.count) } : {}),
        ...(c.requires.includes('description') ? { description: c.description.trim() } : {}),
      })),
    },
  };
}
