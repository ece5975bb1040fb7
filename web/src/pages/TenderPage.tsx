import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../api/client.js';
import type { Page, Question, Tender } from '../api/types.js';
import { EformsPanel } from '../components/EformsPanel.js';
import { ProblemNotice } from '../components/feedback.js';
import { Instant, Loading, PageHeader, Status, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { money, number, percent, period, timeLeft, timeLeftWords } from '../lib/format.js';
import { ProblemError } from '../lib/problems.js';
import { useSession } from '../session.js';
import { TenderOffice } from './officers/TenderOffice.js';
import { TenderComplaints } from './review/TenderComplaints.js';
import { TenderChanges } from './TenderChanges.js';
import { TenderResults } from './TenderResults.js';
import { VendorBids } from './VendorBids.js';

/** The clock, a tick every 30 s: enough for a countdown in minutes. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function Countdown({ iso, now }: { iso: string; now: number }) {
  const { t } = useLocale();
  const left = timeLeft(iso, now);
  return (
    <span className="ecl-u-type-color-grey-75">
      {' '}
      ({left ? t(timeLeftWords(left), left) : t('tender.passed')})
    </span>
  );
}

const MOVING = ['closed', 'opened', 'evaluated', 'standstill', 'awarded'];

/** A tender as anyone reads it: lots, codes, how bids are judged, its dates, and the answered questions. */
export function TenderPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const now = useNow();
  const { user } = useSession();
  const tender = useQuery({
    queryKey: ['tender', id],
    queryFn: () => must(api.GET('/api/v1/tenders/{id}', { params: { path: { id } } })) as Promise<Tender>,
    // After the deadline the procedure moves on without the reader: opening, evaluation, award.
    refetchInterval: (q) => (MOVING.includes(q.state.data?.status ?? '') ? 15_000 : false),
  });
  const questions = useQuery({
    queryKey: ['tender', id, 'questions'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/questions', { params: { path: { id } } })) as Promise<
        Page<Question>
      >,
  });
  if (tender.error instanceof ProblemError)
    return (
      <div className="ecl-container ecl-u-mt-l">
        <ProblemNotice problem={tender.error} />
      </div>
    );
  if (!tender.data) return <Loading />;
  const tr = tender.data;
  const answered = (questions.data?.items ?? []).filter((q) => q.answer);
  // A vendor's own questions not answered yet (the API gives a vendor no one else's).
  const ownPending = user?.role === 'vendor' ? (questions.data?.items ?? []).filter((q) => !q.answer) : [];
  return (
    <>
      <PageHeader
        title={tr.title}
        meta={
          <>
            <span className="ecl-u-mr-s">{tr.reference}</span>
            {tr.version && tr.version > 1 ? (
              <span className="ecl-u-mr-s">{t('changes.versionOf', { version: tr.version })}</span>
            ) : null}
            <Status status={tr.status} />
          </>
        }
      >
        {tr.description}
      </PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        {user?.role === 'procurement-officer' || user?.role === 'admin' ? (
          <TenderOffice tender={tr} questions={questions.data?.items ?? []} />
        ) : null}
        {user?.role === 'evaluator' ? (
          <p className="ecl-u-type-paragraph">
            <Link className="ecl-link ecl-link--standalone" to={`/tenders/${tr.id}/scoring`}>
              {t('scoring.link')}
            </Link>
          </p>
        ) : null}
        <h2 className="ecl-u-type-heading-2">{t('tender.dates')}</h2>
        <dl className="ecl-description-list ecl-description-list--horizontal">
          <dt className="ecl-description-list__term">{t('tender.questionsUntil')}</dt>
          <dd className="ecl-description-list__definition">
            <Instant iso={tr.questionsDeadline} />
            <Countdown iso={tr.questionsDeadline} now={now} />
          </dd>
          <dt className="ecl-description-list__term">{t('tender.bidsUntil')}</dt>
          <dd className="ecl-description-list__definition">
            <Instant iso={tr.submissionDeadline} />
            <Countdown iso={tr.submissionDeadline} now={now} />
          </dd>
          <dt className="ecl-description-list__term">{t('tender.opening')}</dt>
          <dd className="ecl-description-list__definition">
            <Instant iso={tr.openingAt} />
          </dd>
          <dt className="ecl-description-list__term">{t('tender.standstill')}</dt>
          <dd className="ecl-description-list__definition">{period(tr.standstillPeriod, locale)}</dd>
          <dt className="ecl-description-list__term">{t('tender.cpv')}</dt>
          <dd className="ecl-description-list__definition">{tr.cpvCodes.join(', ')}</dd>
        </dl>

        <h2 className="ecl-u-type-heading-2 ecl-u-mt-xl">{t('tender.lots')}</h2>
        <table className="ecl-table ecl-table--zebra">
          <TableHead
            columns={[t('tender.lots'), t('board.titleColumn'), t('tender.estimated'), t('board.status')]}
          />
          <tbody className="ecl-table__body">
            {tr.lots.map((l) => (
              <tr className="ecl-table__row" key={l.number}>
                <td className="ecl-table__cell">{t('tender.lot', { number: l.number })}</td>
                <td className="ecl-table__cell">
                  <div>
                    {l.title}
                    {l.description ? (
                      <p className="ecl-u-type-paragraph-s ecl-u-mt-xs ecl-u-mb-none">{l.description}</p>
                    ) : null}
                  </div>
                </td>
                <td className="ecl-table__cell">{money(l.estimatedValueCents, locale)}</td>
                <td className="ecl-table__cell">
                  <div>
                    <Status status={l.status} />
                    {l.cancellation ? (
                      <p className="ecl-u-type-paragraph-s ecl-u-mt-xs ecl-u-mb-none">
                        {t('cancelLot.cancelledBecause', { reason: l.cancellation.reason.text })}
                      </p>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tr.status !== 'draft' ? <TenderResults tenderId={tr.id} /> : null}

        <h2 className="ecl-u-type-heading-2 ecl-u-mt-xl">{t('tender.award')}</h2>
        <p className="ecl-u-type-paragraph">
          {t('tender.quality')} {percent(tr.award.qualityWeight, locale)} · {t('tender.price')}{' '}
          {percent(tr.award.priceWeight, locale)}.{' '}
          {t('tender.qualityThreshold', { value: number(tr.award.qualityThreshold * 100, locale) })}
        </p>
        <table className="ecl-table">
          <TableHead
            columns={[t('call.criteria'), t('tender.weight'), t('tender.maxScore'), t('tender.threshold')]}
          />
          <tbody className="ecl-table__body">
            {tr.award.criteria.map((c) => (
              <tr className="ecl-table__row" key={c.key}>
                <td className="ecl-table__cell">{c.title}</td>
                <td className="ecl-table__cell">{number(c.weight, locale)}</td>
                <td className="ecl-table__cell">{number(c.maxScore, locale)}</td>
                <td className="ecl-table__cell">{number(c.threshold, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {tr.selectionCriteria.length ? (
          <>
            <h3 className="ecl-u-type-heading-3 ecl-u-mt-l">{t('tender.selection')}</h3>
            <ul className="ecl-unordered-list">
              {tr.selectionCriteria.map((s) => (
                <li className="ecl-unordered-list__item" key={s.key}>
                  {s.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <h2 className="ecl-u-type-heading-2 ecl-u-mt-xl">{t('tender.questions')}</h2>
        {answered.length ? (
          answered.map((q) => (
            <div className="ecl-u-mb-l" key={q.id}>
              <p className="ecl-u-type-paragraph ecl-u-type-bold ecl-u-mb-xs">{q.text}</p>
              <p className="ecl-u-type-paragraph ecl-u-mb-xs">
                {t('tender.answer')}: {q.answer?.text}
              </p>
              {q.answer ? (
                <p className="ecl-u-type-paragraph-s ecl-u-mb-none">
                  <Instant iso={q.answer.at} />
                </p>
              ) : null}
            </div>
          ))
        ) : (
          <p className="ecl-u-type-paragraph">{t('tender.noQuestions')}</p>
        )}
        {ownPending.length ? (
          <>
            <h3 className="ecl-u-type-heading-3">{t('questions.yourPending')}</h3>
            <ul className="ecl-unordered-list">
              {ownPending.map((q) => (
                <li className="ecl-unordered-list__item" key={q.id}>
                  {q.text}{' '}
                  <span className="ecl-u-type-paragraph-s">
                    ({t('questions.askedAt')} <Instant iso={q.askedAt} />)
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {tr.status !== 'draft' ? <TenderChanges tenderId={tr.id} version={tr.version ?? 1} /> : null}
        {user?.role === 'vendor' && tr.status !== 'cancelled' ? <VendorBids tender={tr} now={now} /> : null}
        {tr.status !== 'draft' ? <TenderComplaints tender={tr} /> : null}
        {tr.status !== 'draft' ? (
          <EformsPanel
            kind="tenders"
            id={tr.id}
            decided={tr.lots.every((l) => l.status === 'contracted' || l.status === 'cancelled')}
          />
        ) : null}
        <p className="ecl-u-mt-xl">
          <a className="ecl-link ecl-link--standalone" href={`/api/v1/tenders/${tr.id}/ocds`}>
            {t('tender.openData')}
          </a>
        </p>
      </div>
    </>
  );
}
