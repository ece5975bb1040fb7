import { Link } from 'react-router-dom';
import { Pending } from '../../components/feedback.js';
import { Instant, PageHeader, Section, Status, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { useHome, type VendorWork } from './home-types.js';

const TenderLink = ({ id, reference }: { id: string; reference: string }) => (
  <Link className="ecl-link" to={`/tenders/${id}`}>
    {reference}
  </Link>
);

/** A vendor's home: requests waiting for its answer, next deadlines, its bids, the tenders it follows. */
export function VendorHome() {
  const { t } = useLocale();
  const home = useHome();
  const work = home.data?.vendor;
  if (!work) return <Pending problem={home.error instanceof ProblemError ? home.error : undefined} />;
  return (
    <>
      <PageHeader title={t('home.title')}>{t('home.vendorIntro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <Waiting work={work} />
        <Section id="home-deadlines" title={t('home.deadlines')}>
          {work.deadlines.length ? (
            <ul className="ecl-unordered-list">
              {work.deadlines.map((d) => (
                <li className="ecl-unordered-list__item" key={`${d.tenderId}-${d.kind}-${d.at}`}>
                  <Instant iso={d.at} /> — <TenderLink id={d.tenderId} reference={d.reference} />:{' '}
                  {t(`home.deadline.${d.kind}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ecl-u-type-paragraph">{t('home.noDeadlines')}</p>
          )}
        </Section>
        <OwnBids work={work} />
        <Following work={work} />
      </div>
    </>
  );
}

function Waiting({ work }: { work: VendorWork }) {
  const { t } = useLocale();
  return (
    <Section id="home-waiting" title={t('home.waiting')}>
      {work.requests.length ? (
        <table className="ecl-table ecl-table--zebra">
          <TableHead columns={[t('home.tender'), t('home.lot'), t('home.waiting'), t('home.answerBy')]} />
          <tbody className="ecl-table__body">
            {work.requests.map((r) => (
              <tr className="ecl-table__row" key={r.requestId}>
                <td className="ecl-table__cell">
                  <TenderLink id={r.tenderId} reference={r.reference} />
                </td>
                <td className="ecl-table__cell">{r.lot}</td>
                <td className="ecl-table__cell">{t(`home.request.${r.kind}`)}</td>
                <td className="ecl-table__cell">
                  <Instant iso={r.dueAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('home.nothingWaiting')}</p>
      )}
    </Section>
  );
}

function OwnBids({ work }: { work: VendorWork }) {
  const { t } = useLocale();
  return (
    <Section id="home-bids" title={t('home.bids')}>
      {work.bids.length ? (
        <table className="ecl-table ecl-table--zebra">
          <TableHead columns={[t('home.tender'), t('home.lot'), t('home.bid'), t('home.stage')]} />
          <tbody className="ecl-table__body">
            {work.bids.map((b) => (
              <tr className="ecl-table__row" key={b.bidId}>
                <td className="ecl-table__cell">
                  <div>
                    <TenderLink id={b.tenderId} reference={b.reference} />
                    <div className="ecl-u-type-paragraph-s">{b.title}</div>
                  </div>
                </td>
                <td className="ecl-table__cell">
                  {b.lot}. {b.lotTitle}
                </td>
                <td className="ecl-table__cell">
                  <div>
                    {b.status === 'submitted' ? (
                      <>
                        {t('home.bidStatus.submitted')} <Instant iso={b.receivedAt} />
                      </>
                    ) : (
                      t('home.bidStatus.withdrawn')
                    )}
                  </div>
                </td>
                <td className="ecl-table__cell">
                  <Status status={b.stage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">
          {t('home.noBids')}{' '}
          <Link className="ecl-link" to="/">
            {t('nav.board')}
          </Link>
        </p>
      )}
    </Section>
  );
}

function Following({ work }: { work: VendorWork }) {
  const { t } = useLocale();
  return (
    <Section id="home-following" title={t('home.following')}>
      {work.following.length ? (
        <table className="ecl-table ecl-table--zebra">
          <TableHead
            columns={[t('home.tender'), t('home.why'), t('home.questionsClose'), t('home.bidsClose')]}
          />
          <tbody className="ecl-table__body">
            {work.following.map((f) => (
              <tr className="ecl-table__row" key={f.tenderId}>
                <td className="ecl-table__cell">
                  <div>
                    <TenderLink id={f.tenderId} reference={f.reference} />
                    <div className="ecl-u-type-paragraph-s">{f.title}</div>
                  </div>
                </td>
                <td className="ecl-table__cell">
                  <div>
                    {(['subscribed', 'asked', 'bid'] as const)
                      .filter((k) => f[k])
                      .map((k) => t(`home.because.${k}`))
                      .join(', ')}
                    {f.openQuestions ? (
                      <div className="ecl-u-type-paragraph-s">
                        {t('home.openQuestions', { count: f.openQuestions })}
                      </div>
                    ) : null}
                  </div>
                </td>
                <td className="ecl-table__cell">
                  <Instant iso={f.questionsDeadline} />
                </td>
                <td className="ecl-table__cell">
                  <Instant iso={f.submissionDeadline} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">
          {t('home.noFollowing')}{' '}
          <Link className="ecl-link" to="/account/subscriptions">
            {t('home.alerts')}
          </Link>
        </p>
      )}
    </Section>
  );
}
