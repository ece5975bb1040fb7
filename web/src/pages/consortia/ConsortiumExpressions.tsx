import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Consortium } from '../../api/consortium-types.js';
import { Select } from '../../components/forms.js';
import { Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import { useCalls, useConsortiumExpressions } from './use-calls.js';

/** A consortium's expressions of interest with their status, and starting one for an open call. */
export function ConsortiumExpressions({
  consortium,
  coordinating,
}: {
  consortium: Consortium;
  coordinating: boolean;
}) {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const calls = useCalls();
  const expressions = useConsortiumExpressions(consortium.id);
  const [callId, setCallId] = useState('');
  const items = expressions.data?.items ?? [];
  const open = calls.open.filter((c) => !items.some((x) => x.callId === c.id));
  const chosen = callId || open[0]?.id || '';
  return (
    <Section id="expressions" title={t('consortia.expressions')} className="ecl-u-mb-xl">
      {items.length ? (
        <table className="ecl-table ecl-table--zebra ecl-u-mb-l">
          <TableHead columns={[t('consortia.call'), t('board.status'), t('consortia.requested')]} />
          <tbody className="ecl-table__body">
            {items.map((x) => (
              <tr className="ecl-table__row" key={x.id}>
                <td className="ecl-table__cell">
                  <Link className="ecl-link" to={`/expressions/${x.id}`}>
                    {calls.byId.get(x.callId)?.reference ?? x.callId} —{' '}
                    {calls.byId.get(x.callId)?.title ?? ''}
                  </Link>
                </td>
                <td className="ecl-table__cell">{t(`expression.status.${x.status}`)}</td>
                <td className="ecl-table__cell">{money(x.requestedEuContributionCents, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('consortia.noExpressions')}</p>
      )}
      {coordinating ? (
        open.length ? (
          <form
            className="narrow-form"
            onSubmit={(e) => {
              e.preventDefault();
              navigate(`/expressions/new?consortium=${consortium.id}&call=${chosen}`);
            }}
          >
            <Select
              id="expression-call"
              label={t('consortia.draftFor')}
              value={chosen}
              onChange={setCallId}
              size="l"
            >
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.reference} — {c.title}
                </option>
              ))}
            </Select>
            <button type="submit" className="ecl-button ecl-button--primary">
              {t('consortia.draft')}
            </button>
          </form>
        ) : (
          <p className="ecl-u-type-paragraph">{t('consortia.noOpenCall')}</p>
        )
      ) : null}
    </Section>
  );
}
