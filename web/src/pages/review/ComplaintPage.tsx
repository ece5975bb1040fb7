import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import { Notice, ProblemNotice } from '../../components/feedback.js';
import { downloadFile } from '../../components/save-file.js';
import { Instant, Loading, PageHeader, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { dateTime } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { ComplaintStatus } from './ComplaintStatus.js';
import { type Complaint, subjectOf } from './complaints.js';
import { ReviewActions, WithdrawComplaint } from './ReviewActions.js';

/** A term and its definition in a description list. */
function Term({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="ecl-description-list__term">{term}</dt>
      <dd className="ecl-description-list__definition">{children}</dd>
    </>
  );
}

/**
 * A complaint as anyone reads it (its text, where it stands, the decision and its letter); its
 * documents for the parties; the review body's steps for its members; withdrawal for its author.
 */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const { user } = useSession();
  const lodged = (useLocation().state as { lodged?: boolean } | null)?.lodged;
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const complaint = useQuery({
    queryKey: ['complaint', id],
    queryFn: () =>
      must(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })) as Promise<Complaint>,
  });
  if (complaint.error instanceof ProblemError)
    return (
      <div className="ecl-container ecl-u-mt-l">
        <ProblemNotice problem={complaint.error} />
      </div>
    );
  if (!complaint.data) return <Loading />;
  const c = complaint.data;
  const reviewer = user?.role === 'review-body' && user.organisationId === c.reviewBody.id;
  return (
    <>
      <PageHeader
        title={c.grounds}
        meta={
          <>
            <span className="ecl-u-mr-s">{t('review.title')}</span>
            <ComplaintStatus status={c.status} />
          </>
        }
      />
      <div className="ecl-container ecl-u-mt-l">
        {lodged ? <Notice variant="success" title={t('review.lodge.sent')} /> : null}
        {c.suspends ? (
          <Notice variant="warning" title={t(`review.suspends.${c.suspends}`, { lot: c.lot })} />
        ) : null}
        {problem ? <ProblemNotice problem={problem} /> : null}
        <dl className="ecl-description-list ecl-description-list--horizontal">
          <Term term={t('review.tender')}>
            <Link className="ecl-link" to={`/tenders/${c.tenderId}`}>
              {c.tenderReference}
            </Link>
          </Term>
          <Term term={t('review.against')}>{subjectOf(t, c)}</Term>
          <Term term={t('review.lodged')}>
            <Instant iso={c.submittedAt} />
            <p className="ecl-u-type-paragraph-s ecl-u-mt-xs ecl-u-mb-none">
              {t('review.page.window', { until: dateTime(c.window.until, locale) })}
            </p>
          </Term>
          <Term term={t('review.author')}>{c.author?.name ?? t('review.authorHidden')}</Term>
          <Term term={t('review.reviewBody')}>{c.reviewBody.name ?? ''}</Term>
          <Term term={t('review.status')}>
            <ComplaintStatus status={c.status} />
            {c.acceptedAt ? (
              <p className="ecl-u-type-paragraph-s ecl-u-mt-xs ecl-u-mb-none">
                {t('review.page.accepted', { at: dateTime(c.acceptedAt, locale) })}
              </p>
            ) : null}
            {c.withdrawnAt ? (
              <p className="ecl-u-type-paragraph-s ecl-u-mt-xs ecl-u-mb-none">
                {t('review.page.withdrawnAt', { at: dateTime(c.withdrawnAt, locale) })}
              </p>
            ) : null}
          </Term>
        </dl>
        <Section id="complaint-text" title={t('review.page.text')}>
          <p className="ecl-u-type-paragraph" style={{ whiteSpace: 'pre-line' }}>
            {c.text}
          </p>
        </Section>
        <Section id="complaint-documents" title={t('review.page.documents')}>
          {c.documents === null ? (
            <p className="ecl-u-type-paragraph">
              {t('review.page.documentsPublic', { count: c.documentCount })}
            </p>
          ) : c.documents.length ? (
            <ul className="ecl-unordered-list">
              {c.documents.map((d) => (
                <li className="ecl-unordered-list__item" key={d.id}>
                  <button
                    type="button"
                    className="ecl-button ecl-button--tertiary"
                    onClick={async () => setProblem(await downloadFile(d.url, d.filename))}
                  >
                    {d.filename}
                  </button>
                  <span className="ecl-u-type-paragraph-s ecl-u-type-color-grey-75">
                    {' '}
                    SHA-256 {d.sha256.slice(0, 16)}…
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="ecl-u-type-paragraph">{t('review.page.noDocuments')}</p>
          )}
        </Section>
        {c.refusal ? (
          <Section id="complaint-refusal" title={t('review.page.refusal')}>
            <p className="ecl-u-type-paragraph" style={{ whiteSpace: 'pre-line' }}>
              {c.refusal.text}
            </p>
            <Instant iso={c.refusal.at} />
          </Section>
        ) : null}
        {c.decision ? (
          <Section id="complaint-decision" title={t('review.page.decision')}>
            <p className="ecl-u-type-paragraph">
              <ComplaintStatus status={c.decision.outcome} /> <Instant iso={c.decision.at} />
            </p>
            <p className="ecl-u-type-paragraph" style={{ whiteSpace: 'pre-line' }}>
              {c.decision.text}
            </p>
            <a className="ecl-link ecl-link--standalone" href={`/api/v1${c.decision.letter}`}>
              {t('review.page.letter')}
            </a>
          </Section>
        ) : null}
        {reviewer ? <ReviewActions complaint={c} /> : null}
        <WithdrawComplaint complaint={c} />
      </div>
    </>
  );
}
