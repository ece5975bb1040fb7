import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, must, postXml } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { Info, ProblemNotice } from '../../components/feedback.js';
import { Select } from '../../components/forms.js';
import { downloadFile } from '../../components/save-file.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { type AnswerRows, answersOf, criteriaForLot, rowsOf } from './answer-rows.js';
import { EspdForm } from './EspdForm.js';
import type { EspdAnswers, EspdRequestView } from './espd-types.js';

// The vendor's ESPD with its bid: the tender's request in the reader's language, filled in with
// the organisation's answers from its last bid, or from an ESPD made elsewhere, for the vendor to
// review; what the bid sends as its `espd` part.

type Size = '' | 'micro' | 'small' | 'medium' | 'large';

interface Imported {
  answers: EspdAnswers;
  unanswered: string[];
}

/** The ESPD state of a bid form: the request's criteria, the answers typed, and the bid's `espd` field. */
export function useVendorEspd(tender: Tender) {
  const { locale } = useLocale();
  const { organisation } = useSession();
  const request = useQuery({
    queryKey: ['tender', tender.id, 'espd-request', locale],
    enabled: Boolean(tender.espd),
    queryFn: () =>
      must(
        api.GET('/api/v1/tenders/{id}/espd-request', {
          params: { path: { id: tender.id }, query: { lang: locale } as never },
        }),
      ) as Promise<EspdRequestView>,
  });
  const latest = useQuery({
    queryKey: ['organisation', organisation?.id, 'espd-answers'],
    enabled: Boolean(tender.espd && organisation?.id),
    retry: false,
    queryFn: () =>
      must(
        api.GET('/api/v1/organisations/{organisationId}/espd-answers', {
          params: { path: { organisationId: organisation?.id ?? '' } },
        }),
      ) as Promise<{ answers: EspdAnswers }>,
  });
  const [rows, setRows] = useState<AnswerRows>({});
  const [size, setSize] = useState<Size>('');
  const [reused, setReused] = useState(false);
  // The organisation's last answers fill an untouched form once.
  useEffect(() => {
    if (latest.data && Object.keys(rows).length === 0) {
      setRows(rowsOf(latest.data.answers, locale));
      setReused(true);
    }
  }, [latest.data, rows, locale]);
  const asked = request.data?.criteria ?? [];
  return {
    asked: Boolean(tender.espd) && request.isSuccess,
    criteria: asked,
    rows,
    setRows,
    size,
    setSize,
    reused,
    /** The bid's `espd` field for a lot. */
    field: (lot: number) => ({
      espd: { ...(size ? { size } : {}), answers: answersOf(rows, criteriaForLot(asked, lot), locale) },
    }),
  };
}

export type VendorEspdState = ReturnType<typeof useVendorEspd>;

/** The ESPD part of the bid form: import an ESPD made elsewhere, the organisation's size, the questions for the lot. */
export function VendorEspd({
  tenderId,
  espd,
  lot,
  problem,
}: {
  tenderId: string;
  espd: VendorEspdState;
  lot: number;
  problem?: ProblemError;
}) {
  const { t, locale } = useLocale();
  const [imported, setImported] = useState<Imported | null>(null);
  const load = useMutation({
    mutationFn: async (file: File) =>
      postXml<Imported>(`/tenders/${tenderId}/espd-response/import`, await file.text()),
    onSuccess: (r) => {
      espd.setRows({ ...espd.rows, ...rowsOf(r.answers, locale) });
      setImported(r);
    },
  });
  const criteria = criteriaForLot(espd.criteria, lot);
  return (
    <EspdForm criteria={criteria} rows={espd.rows} onRows={espd.setRows} problem={problem}>
      {espd.reused && !imported ? <Info>{t('espd.reused')}</Info> : null}
      <button
        type="button"
        className="ecl-button ecl-button--tertiary ecl-u-mb-s espd-flags__xml"
        onClick={() =>
          void downloadFile(`/tenders/${tenderId}/espd-request.xml?lang=${locale}`, 'espd-request.xml')
        }
      >
        {t('espd.requestXml')}
      </button>
      <div className="ecl-form-group ecl-u-mb-m">
        <label className="ecl-form-label" htmlFor="espd-import">
          {t('espd.importXml')}
        </label>
        <div className="ecl-help-block" id="espd-import-help">
          {t('espd.importHint')}
        </div>
        <input
          id="espd-import"
          type="file"
          accept=".xml,application/xml,text/xml"
          className="ecl-file-upload__input"
          aria-describedby="espd-import-help"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) load.mutate(file);
            e.target.value = '';
          }}
        />
      </div>
      {load.error instanceof ProblemError ? <ProblemNotice problem={load.error} /> : null}
      {imported ? (
        <p className="ecl-u-type-paragraph" role="status">
          {t('espd.imported', {
            answered: Object.keys(imported.answers).length,
            unanswered: criteria.filter((c) => !espd.rows[c.code]?.answer).length,
          })}
        </p>
      ) : null}
      <Select
        id="espd-size"
        label={t('espd.size')}
        value={espd.size}
        onChange={(v) => espd.setSize(v as Size)}
        size="s"
      >
        <option value="">{t('espd.sizeOnRecord')}</option>
        {(['micro', 'small', 'medium', 'large'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`espd.sizes.${s}`)}
          </option>
        ))}
      </Select>
      {problem?.fieldMessage('/espd/size') ? (
        <div className="ecl-feedback-message">{problem.fieldMessage('/espd/size')}</div>
      ) : null}
    </EspdForm>
  );
}
