import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import { downloadFile } from '../../components/save-file.js';
import { Instant } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import type { BidderRequest } from './espd-types.js';

// Requests to a bidder as both sides read them: the officer every request of the tender, the
// vendor those asked of it.

/** The tender's requests the reader may see, followed while one waits for its answer or decision. */
export function useTenderRequests(tenderId: string, enabled = true) {
  return useQuery({
    queryKey: ['tender', tenderId, 'requests'],
    enabled,
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/requests', { params: { path: { id: tenderId } } })) as Promise<{
        items: BidderRequest[];
      }>,
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'open' || r.status === 'answered') ? 10_000 : false,
  });
}

/** What was asked, by when, where it stands, the answer and the decision. */
export function RequestSummary({ r, who, level = 4 }: { r: BidderRequest; who?: string; level?: 4 | 5 }) {
  const { t } = useLocale();
  const Heading = level === 4 ? 'h4' : 'h5';
  return (
    <>
      <Heading className={`ecl-u-type-heading-${level} ecl-u-mb-xs`}>
        {t(`requests.kinds.${r.kind}`)}
        {who ? ` — ${who}` : ''}{' '}
        <span
          className={`ecl-label ecl-label--${r.status === 'refused' || r.status === 'expired' ? 'high' : r.status === 'accepted' ? 'low' : 'medium'}`}
        >
          {t(`requests.status.${r.status}`)}
        </span>
      </Heading>
      <dl className="ecl-description-list ecl-description-list--horizontal request-facts">
        <dt className="ecl-description-list__term">{t('requests.asked')}</dt>
        <dd className="ecl-description-list__definition">
          <Instant iso={r.askedAt} />
        </dd>
        <dt className="ecl-description-list__term">{t('requests.due')}</dt>
        <dd className="ecl-description-list__definition">
          <Instant iso={r.dueAt} />
        </dd>
        <dt className="ecl-description-list__term">{t('requests.question')}</dt>
        <dd className="ecl-description-list__definition request-text">{r.text}</dd>
        {r.answer ? (
          <>
            <dt className="ecl-description-list__term">{t('requests.answer')}</dt>
            <dd className="ecl-description-list__definition request-text">
              {r.answer.text}
              {r.answer.evidenceUrls.length ? (
                <ul className="ecl-unordered-list">
                  {r.answer.evidenceUrls.map((u) => (
                    <li className="ecl-unordered-list__item" key={u}>
                      <a className="ecl-link" href={u} rel="noreferrer noopener" target="_blank">
                        {u}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {r.answer.documents?.map((d) => (
                <div key={d.id}>
                  <button
                    type="button"
                    className="ecl-button ecl-button--tertiary request-document"
                    onClick={() => void downloadFile(d.url, d.filename)}
                  >
                    {t('requests.download', { name: d.filename })}
                  </button>
                </div>
              ))}
            </dd>
          </>
        ) : null}
        {r.decision?.reason ? (
          <>
            <dt className="ecl-description-list__term">{t('requests.decision')}</dt>
            <dd className="ecl-description-list__definition request-text">{r.decision.reason}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
