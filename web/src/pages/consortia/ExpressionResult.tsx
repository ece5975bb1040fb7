import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import type { Expression } from '../../api/consortium-types.js';
import type { CallResult } from '../../api/types.js';
import { Notice } from '../../components/feedback.js';
import { useLocale } from '../../i18n.js';
import { fixed, money } from '../../lib/format.js';

/** The selection's outcome for one expression: its rank, its mean per criterion, its total and the grant. */
export function ExpressionResult({ expression }: { expression: Expression }) {
  const { t, locale } = useLocale();
  const results = useQuery({
    queryKey: ['call', expression.callId, 'results'],
    queryFn: () =>
      must(
        api.GET('/api/v1/calls/{id}/results', { params: { path: { id: expression.callId } } }),
      ) as Promise<{
        items: CallResult[];
      }>,
  });
  const own = results.data?.items.find((r) => r.expressionId === expression.id);
  if (!own) return null;
  return (
    <Notice
      variant={own.selected ? 'success' : 'info'}
      title={`${t('expression.result')}: ${t(`expression.status.${own.selected ? 'selected' : 'not-selected'}`)}`}
    >
      {own.rank !== null && own.total !== null ? (
        <p className="ecl-u-mb-xs">
          {t('expression.rank', { rank: own.rank, total: fixed(own.total, locale) })}
        </p>
      ) : null}
      <ul className="ecl-unordered-list ecl-u-mb-xs">
        {own.criterionScores.map((s) => (
          <li className="ecl-unordered-list__item" key={s.key}>
            {t('expression.criterion', {
              title: s.title,
              mean: s.mean === null ? '—' : fixed(s.mean, locale),
            })}
          </li>
        ))}
      </ul>
      <p className="ecl-u-type-bold grant">
        {own.selected
          ? t('expression.granted', { amount: money(own.euAmountGrantedCents, locale) })
          : t('expression.notGranted')}
      </p>
    </Notice>
  );
}
