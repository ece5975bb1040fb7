import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, must } from '../../api/client.js';
import { Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { EspdFlags, useEspdResponse } from './EspdFlags.js';
import type { OfficerBid } from './evaluation-types.js';

/** One bid's exclusion and selection checks: pass or fail, a failure with its reason. */
function CheckRow({ bid, vendor, espdAsked }: { bid: OfficerBid; vendor: string; espdAsked: boolean }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const [exclusion, setExclusion] = useState(bid.checks?.exclusion ?? 'pass');
  const [selection, setSelection] = useState(bid.checks?.selection ?? 'pass');
  const [reason, setReason] = useState(bid.checks?.reason ?? '');
  const espd = useEspdResponse(bid.id, espdAsked);
  const suggested = espd.data?.suggestedChecks;
  // Unchecked, a bid's checks start from what its ESPD declared.
  useEffect(() => {
    if (suggested && !bid.checks) {
      setExclusion(suggested.exclusion);
      setSelection(suggested.selection);
    }
  }, [suggested, bid.checks]);
  const save = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/bids/{id}/checks', {
          params: { path: { id: bid.id } },
          body: { exclusion, selection, ...(reason ? { reason } : {}) },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', bid.tenderId] }),
  });
  const overriding =
    (suggested?.exclusion === 'fail' && exclusion === 'pass') ||
    (suggested?.selection === 'fail' && selection === 'pass');
  const failing = exclusion === 'fail' || selection === 'fail' || overriding;
  const label = `${t('tender.lot', { number: bid.lot })}, ${vendor}`;
  return (
    <tr className="ecl-table__row">
      <td className="ecl-table__cell" data-ecl-table-header={t('evaluation.bid')}>
        {/* One block, so that the flags stay under the bid where a phone stacks the cell. */}
        <div>
          {label}
          {espd.data ? <EspdFlags bidId={bid.id} view={espd.data} /> : null}
        </div>
      </td>
      <td className="ecl-table__cell" data-ecl-table-header={t('tender.price')}>
        {bid.content ? money(bid.content.priceCents, locale) : '—'}
      </td>
      {(['exclusion', 'selection'] as const).map((which) => (
        <td className="ecl-table__cell" key={which} data-ecl-table-header={t(`evaluation.${which}`)}>
          <div className="ecl-select__container ecl-select__container--s">
            <select
              className="ecl-select"
              aria-label={t(`evaluation.${which}For`, { bid: label })}
              value={which === 'exclusion' ? exclusion : selection}
              onChange={(e) =>
                (which === 'exclusion' ? setExclusion : setSelection)(e.target.value as 'pass' | 'fail')
              }
            >
              <option value="pass">{t('evaluation.pass')}</option>
              <option value="fail">{t('evaluation.fail')}</option>
            </select>
          </div>
        </td>
      ))}
      <td className="ecl-table__cell" data-ecl-table-header={t('evaluation.reason')}>
        <div className="checks-reason">
          <input
            className={`ecl-text-input ecl-text-input--m${failing && !reason ? ' ecl-text-input--invalid' : ''}`}
            aria-label={t(overriding ? 'espd.reason' : 'evaluation.reasonFor', { bid: label })}
            required={failing}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {save.error instanceof ProblemError ? (
            <div className="ecl-feedback-message">
              {save.error.fieldMessage('/reason') ?? save.error.detail}
            </div>
          ) : null}
        </div>
      </td>
      <td className="ecl-table__cell">
        <div>
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            aria-label={
              bid.checks ? t('evaluation.recheck', { bid: label }) : t('evaluation.check', { bid: label })
            }
            disabled={save.isPending || (failing && !reason)}
            onClick={() => save.mutate()}
          >
            {bid.checks ? t('evaluation.recordAgain') : t('evaluation.record')}
          </button>
          {bid.checks ? (
            <div className="ecl-u-type-paragraph-s ecl-u-mt-xs">{t('evaluation.checked')}</div>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** The exclusion and selection checks of every submitted bid, one row each. */
export function BidChecks({
  bids,
  nameOf,
  espdAsked,
}: {
  bids: OfficerBid[];
  nameOf: (vendorId: string) => string;
  espdAsked: boolean;
}) {
  const { t } = useLocale();
  return (
    <Section id="checks" title={t('evaluation.checks')}>
      <p className="ecl-u-type-paragraph">{t('evaluation.checksIntro')}</p>
      <table className="ecl-table ecl-table--zebra checks-table">
        <TableHead
          columns={[
            t('evaluation.bid'),
            t('tender.price'),
            t('evaluation.exclusion'),
            t('evaluation.selection'),
            t('evaluation.reason'),
            <span key="a" className="ecl-u-sr-only">
              {t('vendor.actions')}
            </span>,
          ]}
        />
        <tbody className="ecl-table__body">
          {bids.map((b) => (
            <CheckRow
              key={`${b.id}:${b.checks?.exclusion}:${b.checks?.selection}`}
              bid={b}
              vendor={nameOf(b.vendorId)}
              espdAsked={espdAsked && Boolean(b.content)}
            />
          ))}
        </tbody>
      </table>
    </Section>
  );
}
