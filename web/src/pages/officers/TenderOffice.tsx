import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Question, Tender } from '../../api/types.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { AnswerQuestions } from './AnswerQuestions.js';
import { CancelLot } from './CancelLot.js';
import { EvaluationCommittee } from './EvaluationCommittee.js';
import { ProposeAmendment } from './ProposeAmendment.js';
import { TenderDocuments } from './TenderDocuments.js';

/** While sealed an officer learns only how many bids each lot has, no more. */
function SealedCounts({ tender }: { tender: Tender }) {
  const { t } = useLocale();
  const counts = useQuery({
    queryKey: ['tender', tender.id, 'bids', 'sealed'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/bids', { params: { path: { id: tender.id } } })) as Promise<{
        lots?: { lot: number; bids: number; awaitingConfirmation?: number }[];
      }>,
    refetchInterval: 30_000,
  });
  return (
    <Section id="counts" title={t('office.counts')}>
      <p className="ecl-u-type-paragraph">{t('office.countsIntro')}</p>
      <table className="ecl-table ecl-table--zebra">
        <TableHead columns={[t('tender.lots'), t('office.submitted'), t('changes.awaitingConfirmation')]} />
        <tbody className="ecl-table__body">
          {(counts.data?.lots ?? []).map((l) => (
            <tr className="ecl-table__row" key={l.lot}>
              <td className="ecl-table__cell">{t('tender.lot', { number: l.lot })}</td>
              <td className="ecl-table__cell">{l.bids}</td>
              <td className="ecl-table__cell">{l.awaitingConfirmation ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/**
 * The officers' part of a tender's page: the way to its opening and evaluation; while a draft, what
 * publishing needs (the opening committee with every secret set, the consortium's approval) and the
 * publication itself; the evaluation committee; the bid counts while sealed; the questions to answer.
 */
export function TenderOffice({ tender, questions }: { tender: Tender; questions: Question[] }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const publish = useMutation({
    mutationFn: () => must(api.POST('/api/v1/tenders/{id}/publish', { params: { path: { id: tender.id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', tender.id] }),
  });
  const refused = firstProblem(publish.error);
  const committee = tender.openingCommittee;
  const secrets = committee?.members.filter((m) => m.secretSet).length ?? 0;
  const draft = tender.status === 'draft';
  return (
    <>
      <p className="ecl-u-type-paragraph">
        <Link className="ecl-link ecl-link--standalone" to={`/tenders/${tender.id}/opening`}>
          {t('opening.link')}
        </Link>
        {tender.openedAt ? (
          <Link className="ecl-link ecl-link--standalone ecl-u-ml-l" to={`/tenders/${tender.id}/evaluation`}>
            {t('evaluation.link')}
          </Link>
        ) : null}
        <Link className="ecl-link ecl-link--standalone ecl-u-ml-l" to={`/notices?procedure=${tender.id}`}>
          {t('office.notices')}
        </Link>
      </p>
      {draft ? (
        <Section id="prepare" title={t('office.prepare')}>
          <ol className="ecl-ordered-list ecl-u-mb-m">
            <li className="ecl-ordered-list__item">
              {committee
                ? t('office.committeeSeated', {
                    members: committee.members.length,
                    quorum: committee.quorum,
                    secrets,
                  })
                : t('office.committeeMissing')}{' '}
              <Link className="ecl-link" to={`/tenders/${tender.id}/opening`}>
                {committee ? t('office.toOpening') : t('office.seat')}
              </Link>
            </li>
            <li className="ecl-ordered-list__item">{t('office.approval')}</li>
          </ol>
          {refused ? <ProblemNotice problem={refused} /> : null}
          <button
            type="button"
            className="ecl-button ecl-button--primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate()}
          >
            {t('office.publish')}
          </button>
        </Section>
      ) : null}
      {publish.isSuccess ? <Notice variant="success" title={t('office.published')} /> : null}
      <EvaluationCommittee
        seats={tender.evaluators ?? []}
        open={!['evaluated', 'standstill', 'awarded', 'contracted'].includes(tender.status)}
        assign={(userId) =>
          must(
            api.POST('/api/v1/tenders/{id}/evaluators', {
              params: { path: { id: tender.id } },
              body: { userId },
            }),
          )
        }
        refresh={['tender', tender.id]}
      />
      {['published', 'closed'].includes(tender.status) && !tender.openedAt ? (
        <SealedCounts tender={tender} />
      ) : null}
      {['draft', 'published'].includes(tender.status) ? <TenderDocuments tender={tender} /> : null}
      {tender.status === 'published' ? <ProposeAmendment tender={tender} /> : null}
      {!draft ? <AnswerQuestions tenderId={tender.id} questions={questions} /> : null}
      {!draft && tender.status !== 'cancelled' ? <CancelLot tender={tender} /> : null}
    </>
  );
}
