import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, must } from '../api/client.js';
import type { Call } from '../api/types.js';
import { EformsPanel } from '../components/EformsPanel.js';
import { ProblemNotice } from '../components/feedback.js';
import { Instant, Loading, PageHeader, Status } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { money, number, percent } from '../lib/format.js';
import { ProblemError } from '../lib/problems.js';
import { useSession } from '../session.js';
import { CallOffice } from './officers/CallOffice.js';

/** A call for expressions of interest as anyone reads it. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const { user } = useSession();
  const officer = user?.role === 'procurement-officer' || user?.role === 'admin';
  const call = useQuery({
    queryKey: ['call', id],
    queryFn: () => must(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })) as Promise<Call>,
    // The selection runs in the background: followed until done.
    refetchInterval: (q) => (q.state.data?.selection?.status === 'running' ? 2_000 : false),
  });
  if (call.error instanceof ProblemError)
    return (
      <div className="ecl-container ecl-u-mt-l">
        <ProblemNotice problem={call.error} />
      </div>
    );
  if (!call.data) return <Loading />;
  const c = call.data;
  return (
    <>
      <PageHeader
        title={c.title}
        meta={
          <>
            <span className="ecl-u-mr-s">{c.reference}</span>
            <Status status={c.status} call />
          </>
        }
      >
        {c.description}
      </PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <dl className="ecl-description-list ecl-description-list--horizontal">
          <dt className="ecl-description-list__term">{t('call.window')}</dt>
          <dd className="ecl-description-list__definition">
            <Instant iso={c.opensAt} /> – <Instant iso={c.closesAt} />
          </dd>
          <dt className="ecl-description-list__term">{t('call.budget')}</dt>
          <dd className="ecl-description-list__definition">{money(c.budgetCents, locale)}</dd>
          <dt className="ecl-description-list__term">{t('call.cofunding')}</dt>
          <dd className="ecl-description-list__definition">{percent(c.cofundingRate, locale)}</dd>
          <dt className="ecl-description-list__term">{t('call.criteria')}</dt>
          <dd className="ecl-description-list__definition">
            <ul className="ecl-unordered-list">
              {c.criteria.map((k) => (
                <li className="ecl-unordered-list__item" key={k.key}>
                  {k.title} — {t('tender.weight')} {number(k.weight, locale)}, {t('tender.maxScore')}{' '}
                  {number(k.maxScore, locale)}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <p className="ecl-u-type-paragraph">{t('call.memberStates', { count: c.minMemberStates })}</p>
        {officer ? <CallOffice call={c} /> : null}
        {c.status !== 'draft' ? <EformsPanel kind="calls" id={c.id} /> : null}
      </div>
    </>
  );
}
