import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium, Resolution, VoteChoice } from '../../api/consortium-types.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Instant, Loading, PageHeader, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { percent } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { AmendmentUnderVote } from '../TenderChanges.js';
import { ResolutionObject } from './ConsortiumResolutions.js';
import { consortiumKey, resolutionsKey } from './keys.js';

/** The weighted tally as a bar: yes, no, abstain and not yet voted, with the line the yes votes must reach. */
function TallyBar({ tally }: { tally: Resolution['tally'] }) {
  const { t, locale } = useLocale();
  const p = (x: number) => percent(x, locale);
  return (
    <div
      className="tally"
      role="img"
      aria-label={t('resolution.tallyLabel', {
        yes: p(tally.yes),
        no: p(tally.no),
        abstain: p(tally.abstain),
        pending: p(tally.pending),
        required: p(tally.required),
      })}
    >
      <span className="yes" style={{ width: `${tally.yes * 100}%` }} />
      <span className="no" style={{ width: `${tally.no * 100}%` }} />
      <span className="abstain" style={{ width: `${tally.abstain * 100}%` }} />
      <span className="pending" style={{ width: `${tally.pending * 100}%` }} />
      <span className="line" style={{ left: `${tally.required * 100}%` }} aria-hidden="true">
        {t('resolution.line', { required: p(tally.required) })}
      </span>
    </div>
  );
}

/** What each colour of the tally stands for, with its share. */
function TallyLegend({ tally }: { tally: Resolution['tally'] }) {
  const { t, locale } = useLocale();
  const parts = [
    ['yes', t('resolution.choice.yes'), tally.yes],
    ['no', t('resolution.choice.no'), tally.no],
    ['abstain', t('resolution.choice.abstain'), tally.abstain],
    ['pending', t('resolution.pending'), tally.pending],
  ] as const;
  return (
    <ul className="weights-legend tally-legend" aria-hidden="true">
      {parts.map(([key, label, share]) => (
        <li key={key}>
          <i className={key} />
          {label}: {percent(share, locale)}
        </li>
      ))}
    </ul>
  );
}

/** A resolution: what it approves, the live weighted tally against the 75 % line, who voted what, and one's vote. */
export function ResolutionPage() {
  const { id = '', rid = '' } = useParams();
  const { t, locale } = useLocale();
  const { user } = useSession();
  const queries = useQueryClient();
  const consortium = useQuery({
    queryKey: consortiumKey(id),
    queryFn: () =>
      must(api.GET('/api/v1/consortia/{id}', { params: { path: { id } } })) as Promise<Consortium>,
  });
  const resolution = useQuery({
    queryKey: [...resolutionsKey(id), rid],
    queryFn: () =>
      must(
        api.GET('/api/v1/consortia/{id}/resolutions/{rid}', { params: { path: { id, rid } } }),
      ) as Promise<Resolution>,
    // The others vote meanwhile: the tally is read again every few seconds until decided.
    refetchInterval: (q) => (q.state.data?.outcome === 'open' ? 3_000 : false),
  });
  const vote = useMutation({
    mutationFn: (choice: VoteChoice) =>
      must(
        api.POST('/api/v1/consortia/{id}/resolutions/{rid}/votes', {
          params: { path: { id, rid } },
          body: { vote: choice },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: resolutionsKey(id) }),
  });
  const problem = firstProblem(resolution.error, consortium.error);
  if (problem)
    return (
      <div className="ecl-container ecl-u-mt-l">
        <ProblemNotice problem={problem} />
      </div>
    );
  if (!resolution.data || !consortium.data) return <Loading />;
  const r = resolution.data;
  const c = consortium.data;
  const p = (x: number) => percent(x, locale);
  const mine = r.votes.find((v) => v.organisationId === user?.organisationId);
  const member = c.members.some((m) => m.organisationId === user?.organisationId && m.status === 'member');
  // Past its deadline a resolution takes no vote, even before the closing job has run.
  const lapsed = Boolean(r.votingDeadline && new Date(r.votingDeadline).getTime() <= Date.now());
  const weightOf = (org: string) => c.votingWeights.find((w) => w.organisationId === org)?.weight ?? 0;
  return (
    <>
      <PageHeader title={r.subject} meta={t(`resolution.outcome.${r.outcome}`)} />
      <div className="ecl-container ecl-u-mt-l">
        <p className="ecl-u-type-paragraph">
          <Link className="ecl-link" to={`/consortia/${id}`}>
            {t('resolution.back')}: {c.name}
          </Link>
        </p>
        <Section id="motion" title={t('resolution.motion')} className="ecl-u-mb-l">
          <ResolutionObject object={r.object} />
          {r.text ? <p className="ecl-u-type-paragraph notice-text ecl-u-mt-s">{r.text}</p> : null}
          <p className="ecl-u-type-paragraph ecl-u-mt-s">
            {t('resolution.proposedOn')} <Instant iso={r.createdAt} />.{' '}
            {r.votingDeadline ? (
              <>
                {t('resolution.deadline')} <Instant iso={r.votingDeadline} />
                {t('resolution.deadlineRule')}
              </>
            ) : (
              t('resolution.noDeadline')
            )}
          </p>
        </Section>
        {r.expressionId ? (
          <p className="ecl-u-type-paragraph">
            <Link className="ecl-link" to={`/expressions/${r.expressionId}`}>
              {t('resolution.approvesExpression')}
            </Link>
          </p>
        ) : null}
        {r.tenderId ? (
          <p className="ecl-u-type-paragraph">
            <Link className="ecl-link" to={`/tenders/${r.tenderId}`}>
              {t('resolution.approvesTender')}
            </Link>
          </p>
        ) : null}

        {r.amendmentId && r.amendmentTenderId ? (
          <AmendmentUnderVote tenderId={r.amendmentTenderId} amendmentId={r.amendmentId} />
        ) : null}

        <Section id="tally" title={t('resolution.tally')} className="ecl-u-mb-l">
          <TallyBar tally={r.tally} />
          <TallyLegend tally={r.tally} />
          <p className="ecl-u-type-paragraph ecl-u-mb-s" aria-live="polite">
            {t('resolution.yesWeight', { yes: p(r.tally.yes), required: p(r.tally.required) })}
          </p>
          {r.outcome === 'open' ? (
            r.tally.canStillPass ? (
              <p className="ecl-u-type-paragraph">
                {t('resolution.canPass', { required: p(r.tally.required) })}
              </p>
            ) : null
          ) : r.outcome === 'passed' ? (
            <Notice variant="success" title={t('resolution.outcome.passed')}>
              {t('resolution.passedBy')} <Instant iso={r.decidedAt ?? ''} />
            </Notice>
          ) : (
            <Notice variant="warning" title={t('resolution.outcome.rejected')}>
              {r.closedAtDeadline
                ? t('resolution.lapsed', { required: p(r.tally.required) })
                : t('resolution.blocked', { required: p(r.tally.required) })}{' '}
              {t('resolution.rejectedOn')} <Instant iso={r.decidedAt ?? ''} />
            </Notice>
          )}
        </Section>

        {vote.error instanceof ProblemError ? <ProblemNotice problem={vote.error} /> : null}
        {member && !mine && r.outcome === 'open' && !lapsed ? (
          <div className="ecl-u-mb-l vote-buttons">
            {(['yes', 'no', 'abstain'] as const).map((choice) => (
              <button
                key={choice}
                type="button"
                className={`ecl-button ecl-button--${choice === 'yes' ? 'primary' : 'secondary'} ecl-u-mr-s`}
                disabled={vote.isPending}
                onClick={() => vote.mutate(choice)}
              >
                {t(`resolution.cast${choice === 'yes' ? 'Yes' : choice === 'no' ? 'No' : 'Abstain'}`)}
              </button>
            ))}
          </div>
        ) : null}
        {mine ? (
          <p className="ecl-u-type-paragraph">
            {t('resolution.yourVote', { vote: t(`resolution.choice.${mine.vote}`) })}
          </p>
        ) : null}

        <Section id="votes" title={t('resolution.votes')} className="">
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[
                t('resolution.member'),
                t('consortia.weight'),
                t('resolution.vote'),
                t('resolution.when'),
              ]}
            />
            <tbody className="ecl-table__body">
              {c.members
                .filter((m) => m.status === 'member')
                .map((m) => {
                  const v = r.votes.find((x) => x.organisationId === m.organisationId);
                  return (
                    <tr className="ecl-table__row" key={m.organisationId}>
                      <td className="ecl-table__cell">{m.name}</td>
                      <td className="ecl-table__cell">{p(weightOf(m.organisationId))}</td>
                      <td className="ecl-table__cell">
                        {v ? t(`resolution.choice.${v.vote}`) : t('resolution.notYet')}
                      </td>
                      <td className="ecl-table__cell">{v ? <Instant iso={v.at} /> : '—'}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </Section>
      </div>
    </>
  );
}
