import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Ground, Organisation, Tender } from '../../api/types.js';
import { firstProblem, Pending, ProblemNotice } from '../../components/feedback.js';
import { PageHeader, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { fixed, money } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { groundText } from '../BidOutcome.js';
import { AwardLot } from './AwardLot.js';

export interface OfficerBid {
  id: string;
  tenderId: string;
  lot: number;
  vendorId: string;
  status: string;
  content?: { priceCents: number };
  checks: { exclusion: 'pass' | 'fail'; selection: 'pass' | 'fail'; reason: string | null } | null;
}

export interface EvaluatedBid {
  bidId: string;
  vendorName: string | null;
  priceCents: number;
  quality: number | null;
  price: number | null;
  total: number | null;
  rank: number | null;
  flags: { excluded: boolean; belowThreshold: boolean; abnormallyLow: boolean };
  reasons: string[];
  grounds?: Ground[];
}

export interface Evaluation {
  computedAt: string;
  lots: { lot: number; bids: EvaluatedBid[] }[];
}

/** Two decimals, the full value on hover: what the officers' tables show. */
function Points({ value }: { value: number | null }) {
  const { locale } = useLocale();
  return value === null ? <>—</> : <span title={String(value)}>{fixed(value, locale)}</span>;
}

/** One bid's exclusion and selection checks: pass or fail, a failure with its reason. */
function CheckRow({ bid, vendor }: { bid: OfficerBid; vendor: string }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const [exclusion, setExclusion] = useState(bid.checks?.exclusion ?? 'pass');
  const [selection, setSelection] = useState(bid.checks?.selection ?? 'pass');
  const [reason, setReason] = useState(bid.checks?.reason ?? '');
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
  const failing = exclusion === 'fail' || selection === 'fail';
  const label = `${t('tender.lot', { number: bid.lot })}, ${vendor}`;
  return (
    <tr className="ecl-table__row">
      <td className="ecl-table__cell">{label}</td>
      <td className="ecl-table__cell">{bid.content ? money(bid.content.priceCents, locale) : '—'}</td>
      {(['exclusion', 'selection'] as const).map((which) => (
        <td className="ecl-table__cell" key={which}>
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
      <td className="ecl-table__cell">
        <input
          className={`ecl-text-input ecl-text-input--m${failing && !reason ? ' ecl-text-input--invalid' : ''}`}
          aria-label={t('evaluation.reasonFor', { bid: label })}
          required={failing}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {save.error instanceof ProblemError ? (
          <div className="ecl-feedback-message">
            {save.error.fieldMessage('/reason') ?? save.error.detail}
          </div>
        ) : null}
      </td>
      <td className="ecl-table__cell">
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
      </td>
    </tr>
  );
}

/**
 * The officer's evaluation of a tender: the checks of every opened bid, the ranking per lot (Q, P,
 * total, rank and flags with their grounds, to two decimals with the full value on hover), and the
 * award of each lot with what the rules ask for it.
 */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const tender = useQuery({
    queryKey: ['tender', id],
    queryFn: () => must(api.GET('/api/v1/tenders/{id}', { params: { path: { id } } })) as Promise<Tender>,
  });
  const bids = useQuery({
    queryKey: ['tender', id, 'bids'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/bids', { params: { path: { id } } })) as Promise<{
        items: OfficerBid[];
      }>,
  });
  const [computing, setComputing] = useState<string | null>(null);
  const evaluation = useQuery({
    queryKey: ['tender', id, 'evaluation'],
    retry: false,
    queryFn: async () => {
      const res = await api.GET('/api/v1/tenders/{id}/evaluation', { params: { path: { id } } });
      if (res.response.status === 404) return null;
      return (await must(Promise.resolve(res))) as unknown as Evaluation;
    },
    // Computed by a worker: asked again until a newer evaluation than the one before is there.
    refetchInterval: (q) =>
      computing !== null && (q.state.data?.computedAt ?? '') === computing ? 1_000 : false,
  });
  const vendorIds = [...new Set((bids.data?.items ?? []).map((b) => b.vendorId))];
  const vendors = useQueries({
    queries: vendorIds.map((vid) => ({
      queryKey: ['organisation', vid],
      queryFn: () =>
        must(
          api.GET('/api/v1/organisations/{organisationId}', { params: { path: { organisationId: vid } } }),
        ) as Promise<Organisation>,
    })),
  });
  const nameOf = (vid: string) => vendors.find((v) => v.data?.id === vid)?.data?.name ?? vid;
  const compute = useMutation({
    mutationFn: () => must(api.POST('/api/v1/tenders/{id}/evaluation', { params: { path: { id } } })),
    onMutate: () => setComputing(evaluation.data?.computedAt ?? ''),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', id, 'evaluation'] }),
  });
  const problem = firstProblem(tender.error, bids.error, compute.error);
  if (!tender.data || !bids.data) return <Pending problem={problem} />;
  const tr = tender.data;
  const submitted = bids.data.items.filter((b) => b.status === 'submitted');
  const done = evaluation.data && evaluation.data.computedAt !== computing;
  return (
    <>
      <PageHeader title={t('evaluation.title', { reference: tr.reference })} meta={tr.title} />
      <div className="ecl-container ecl-u-mt-l">
        <p className="ecl-u-type-paragraph">
          <Link className="ecl-link" to={`/tenders/${id}`}>
            {t('opening.back')}
          </Link>
        </p>
        {problem ? <ProblemNotice problem={problem} /> : null}
        <Section id="checks" title={t('evaluation.checks')} className="ecl-u-mb-xl">
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
              {submitted.map((b) => (
                <CheckRow
                  key={`${b.id}:${b.checks?.exclusion}:${b.checks?.selection}`}
                  bid={b}
                  vendor={nameOf(b.vendorId)}
                />
              ))}
            </tbody>
          </table>
        </Section>

        <Section id="ranking" title={t('evaluation.ranking')} className="ecl-u-mb-xl">
          <button
            type="button"
            className="ecl-button ecl-button--primary ecl-u-mb-m"
            disabled={compute.isPending || (computing !== null && !done)}
            onClick={() => compute.mutate()}
          >
            {evaluation.data ? t('evaluation.recompute') : t('evaluation.compute')}
          </button>
          {computing !== null && !done ? (
            <p className="ecl-u-type-paragraph" role="status">
              {t('evaluation.computing')}
            </p>
          ) : null}
          {evaluation.data
            ? evaluation.data.lots.map((l) => (
                <div key={l.lot} className="ecl-u-mb-l">
                  <h3 className="ecl-u-type-heading-3">
                    {t('tender.lot', { number: l.lot })} — {tr.lots.find((x) => x.number === l.lot)?.title}
                  </h3>
                  <table className="ecl-table ecl-table--zebra ecl-u-mb-m evaluation-table">
                    <TableHead
                      columns={[
                        t('outcome.rank'),
                        t('evaluation.vendor'),
                        t('tender.price'),
                        'Q',
                        'P',
                        t('outcome.total'),
                        t('evaluation.flags'),
                      ]}
                    />
                    <tbody className="ecl-table__body">
                      {l.bids.map((b) => (
                        <tr className="ecl-table__row" key={b.bidId}>
                          <td className="ecl-table__cell">{b.rank ?? '—'}</td>
                          <td className="ecl-table__cell">{b.vendorName}</td>
                          <td className="ecl-table__cell">{money(b.priceCents, locale)}</td>
                          <td className="ecl-table__cell">
                            <Points value={b.quality} />
                          </td>
                          <td className="ecl-table__cell">
                            <Points value={b.price} />
                          </td>
                          <td className="ecl-table__cell">
                            <Points value={b.total} />
                          </td>
                          <td className="ecl-table__cell">
                            {(['excluded', 'belowThreshold', 'abnormallyLow'] as const)
                              .filter((f) => b.flags[f])
                              .map((f) => (
                                <span key={f} className="ecl-label ecl-label--medium ecl-u-mr-xs">
                                  {t(`evaluation.flag.${f}`)}
                                </span>
                              ))}
                            {(b.grounds?.length
                              ? b.grounds.map((g) => groundText(g, t, locale))
                              : b.reasons
                            ).map((line) => (
                              <div key={line} className="ecl-u-type-paragraph-s">
                                {line}
                              </div>
                            ))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <AwardLot tender={tr} lot={l.lot} bids={l.bids} />
                </div>
              ))
            : null}
        </Section>
      </div>
    </>
  );
}
