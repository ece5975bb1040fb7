import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { firstProblem, Pending, ProblemNotice } from '../../components/feedback.js';
import { downloadFile } from '../../components/save-file.js';
import { PageHeader, Points, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import { groundText } from '../grounds.js';
import { AwardLot } from './AwardLot.js';
import { BidChecks } from './BidChecks.js';
import type { Evaluation, OfficerBid } from './evaluation-types.js';
import { LotRequests } from './LotRequests.js';
import { useOrganisationNames } from './people.js';
import { ScoreMatrix } from './ScoreMatrix.js';

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
    // The evaluators score meanwhile: the matrix follows them.
    refetchInterval: 10_000,
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
  const nameOf = useOrganisationNames((bids.data?.items ?? []).map((b) => b.vendorId));
  const compute = useMutation({
    mutationFn: () => must(api.POST('/api/v1/tenders/{id}/evaluation', { params: { path: { id } } })),
    onMutate: () => setComputing(evaluation.data?.computedAt ?? ''),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', id, 'evaluation'] }),
  });
  const report = useMutation({
    mutationFn: async () => {
      const refused = await downloadFile(`/tenders/${id}/report.pdf`, 'evaluation-report.pdf');
      if (refused) throw refused;
    },
  });
  const problem = firstProblem(tender.error, bids.error, compute.error, report.error);
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
        <BidChecks bids={submitted} nameOf={nameOf} espdAsked={Boolean(tr.espd)} />
        <ScoreMatrix tender={tr} bids={submitted} nameOf={nameOf} />

        <Section id="ranking" title={t('evaluation.ranking')} className="ecl-u-mb-xl">
          <button
            type="button"
            className="ecl-button ecl-button--primary ecl-u-mb-m"
            disabled={compute.isPending || (computing !== null && !done)}
            onClick={() => compute.mutate()}
          >
            {evaluation.data ? t('evaluation.recompute') : t('evaluation.compute')}
          </button>
          {evaluation.data ? (
            <button
              type="button"
              className="ecl-button ecl-button--secondary ecl-u-mb-m ecl-u-ml-s"
              disabled={report.isPending}
              onClick={() => report.mutate()}
            >
              {t('evaluation.report')}
            </button>
          ) : null}
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
                  <LotRequests tender={tr} lot={l.lot} bids={l.bids} />
                  <AwardLot tender={tr} lot={l.lot} bids={l.bids} />
                </div>
              ))
            : null}
        </Section>
      </div>
    </>
  );
}
