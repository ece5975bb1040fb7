import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Call, CallResult } from '../../api/types.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Instant, Points, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import { EvaluationCommittee } from './EvaluationCommittee.js';

interface Results {
  budgetCents: number;
  grantedCents?: number;
  items: (CallResult & { submittedAt: string | null; requestedEuContributionCents: number })[];
}

/**
 * The officers' part of a call's page: publishing the draft; the evaluation committee and its
 * declarations; the expressions received with their eligibility; after the closing, the selection
 * and its ranking (scores per criterion, totals, selected, grant, budget left), and from a selected
 * expression, the tender.
 */
export function CallOffice({ call }: { call: Call }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['call', call.id] });
  const running = call.selection?.status === 'running';
  const results = useQuery({
    // Read again when the selection moves on: its ranking is written as it completes.
    queryKey: ['call', call.id, 'results', call.selection?.status],
    enabled: call.status !== 'draft',
    queryFn: () =>
      must(api.GET('/api/v1/calls/{id}/results', { params: { path: { id: call.id } } })) as Promise<Results>,
    refetchInterval: running ? 2_000 : 15_000,
  });
  const publish = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{id}/publish', { params: { path: { id: call.id } } })),
    onSuccess: refresh,
  });
  const select = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{id}/selection', { params: { path: { id: call.id } } })),
    onSuccess: refresh,
  });
  const problem = firstProblem(publish.error, select.error, results.error);
  const r = results.data;
  const done = call.selection?.status === 'done';
  return (
    <>
      {problem ? <ProblemNotice problem={problem} /> : null}
      <p className="ecl-u-type-paragraph">
        <Link className="ecl-link ecl-link--standalone" to={`/notices?procedure=${call.id}`}>
          {t('office.notices')}
        </Link>
      </p>
      {call.status === 'draft' ? (
        <Section id="publish" title={t('callOffice.draft')}>
          <p className="ecl-u-type-paragraph">{t('callOffice.draftIntro')}</p>
          <button
            type="button"
            className="ecl-button ecl-button--primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate()}
          >
            {t('callOffice.publish')}
          </button>
        </Section>
      ) : null}
      <EvaluationCommittee
        seats={call.evaluators ?? []}
        open={call.selection?.status === 'none'}
        assign={(userId) =>
          must(
            api.POST('/api/v1/calls/{id}/evaluators', {
              params: { path: { id: call.id } },
              body: { userId },
            }),
          )
        }
        refresh={['call', call.id]}
      />
      {r ? (
        <Section id="expressions" title={t('callOffice.expressions', { count: r.items.length })}>
          <p className="ecl-u-type-paragraph">
            {t('callOffice.budget', {
              budget: money(r.budgetCents, locale),
              granted: money(r.grantedCents ?? 0, locale),
              left: money(r.budgetCents - (r.grantedCents ?? 0), locale),
            })}
          </p>
          {call.status === 'closed' && call.selection?.status === 'none' ? (
            <button
              type="button"
              className="ecl-button ecl-button--primary ecl-u-mb-m"
              disabled={select.isPending}
              onClick={() => select.mutate()}
            >
              {t('callOffice.select')}
            </button>
          ) : null}
          {running ? (
            <p className="ecl-u-type-paragraph" role="status">
              {t('callOffice.running')}
            </p>
          ) : null}
          {done ? <Notice variant="success" title={t('callOffice.done')} /> : null}
          <div className="score-matrix">
            <table className="ecl-table ecl-table--zebra">
              <TableHead
                columns={[
                  t('outcome.rank'),
                  t('callOffice.consortium'),
                  t('callOffice.status'),
                  t('callOffice.requested'),
                  ...call.criteria.map((c) => c.title),
                  t('outcome.total'),
                  t('callOffice.granted'),
                ]}
              />
              <tbody className="ecl-table__body">
                {r.items.map((x) => (
                  <tr className="ecl-table__row" key={x.expressionId}>
                    <td className="ecl-table__cell">{x.rank ?? '—'}</td>
                    <td className="ecl-table__cell">
                      <Link className="ecl-link" to={`/expressions/${x.expressionId}`}>
                        {x.consortiumName}
                      </Link>
                      {x.submittedAt ? (
                        <div className="ecl-u-type-paragraph-s">
                          {t('callOffice.submitted')} <Instant iso={x.submittedAt} />
                        </div>
                      ) : null}
                    </td>
                    <td className="ecl-table__cell">
                      {t(`expression.state.${x.status}`)}
                      {x.reasons.map((reason) => (
                        <div key={reason} className="ecl-u-type-paragraph-s" lang="en">
                          {reason}
                        </div>
                      ))}
                    </td>
                    <td className="ecl-table__cell">{money(x.requestedEuContributionCents, locale)}</td>
                    {call.criteria.map((c) => (
                      <td className="ecl-table__cell" key={c.key}>
                        <Points value={x.criterionScores.find((s) => s.key === c.key)?.mean ?? null} />
                      </td>
                    ))}
                    <td className="ecl-table__cell">
                      <Points value={x.total} />
                    </td>
                    <td className="ecl-table__cell">
                      {x.selected ? (
                        <>
                          {money(x.euAmountGrantedCents, locale)}
                          <div>
                            <Link className="ecl-link" to={`/tenders/new?expression=${x.expressionId}`}>
                              {t('draft.nav')}
                            </Link>
                          </div>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
    </>
  );
}
