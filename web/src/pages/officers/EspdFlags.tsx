import { useQuery } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import { downloadFile } from '../../components/save-file.js';
import { useLocale } from '../../i18n.js';
import { money } from '../../lib/format.js';
import type { EspdFlag, EspdResponseView } from '../espd/espd-types.js';

// What an opened bid's ESPD declared, as the evaluation reads it: each ground declared and each
// requirement not met, with the vendor's own words, and the checks they suggest.

/** The bid's ESPD response and flags, named in the reader's language (none where the tender asks no ESPD). */
export function useEspdResponse(bidId: string, asked: boolean) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['bid', bidId, 'espd-response', locale],
    enabled: asked,
    retry: false,
    queryFn: () =>
      must(
        api.GET('/api/v1/bids/{id}/espd-response', {
          params: { path: { id: bidId }, query: { lang: locale } as never },
        }),
      ) as Promise<EspdResponseView>,
  });
}

function FlagLine({ f }: { f: EspdFlag }) {
  const { t, locale } = useLocale();
  return (
    <li className="espd-flags__item">
      <strong>{f.name}</strong>:{' '}
      {t(`espd.flag.${f.flag}`, {
        amount: money(f.amountCents ?? 0, locale),
        minimum: money(f.minimumCents ?? 0, locale),
      })}
      {f.description ? (
        <div className="ecl-u-type-paragraph-s">{t('espd.vendorWords', { words: f.description })}</div>
      ) : null}
      {f.selfCleaning ? (
        <div className="ecl-u-type-paragraph-s">{t('espd.selfCleaningWords', { words: f.selfCleaning })}</div>
      ) : null}
    </li>
  );
}

/** The flags of one bid's ESPD, and its XML to download. */
export function EspdFlags({ bidId, view }: { bidId: string; view: EspdResponseView }) {
  const { t } = useLocale();
  return (
    <div className="espd-flags ecl-u-mt-xs">
      {view.flags.length ? (
        <ul className="espd-flags__list" aria-label={t('espd.flagsTitle')}>
          {view.flags.map((f) => (
            <FlagLine key={`${f.code}:${f.flag}`} f={f} />
          ))}
        </ul>
      ) : (
        <p className="ecl-u-type-paragraph-s">{t('espd.noFlags')}</p>
      )}
      <button
        type="button"
        className="ecl-button ecl-button--tertiary espd-flags__xml"
        onClick={() => void downloadFile(`/bids/${bidId}/espd-response.xml`, 'espd-response.xml')}
      >
        {t('espd.responseXml')}
      </button>
    </div>
  );
}
