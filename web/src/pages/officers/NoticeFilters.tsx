import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Call, Page, Tender } from '../../api/types.js';
import { Select, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { en } from '../../locales/en.js';

/** The procedures an officer may filter the notices by: the calls and the tenders, newest first. */
function useProcedures() {
  const tenders = useQuery({
    queryKey: ['tenders', 'desk-filter'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders', { params: { query: { limit: '100' } } })) as Promise<Page<Tender>>,
  });
  const calls = useQuery({
    queryKey: ['calls', 'desk-filter'],
    queryFn: () =>
      must(api.GET('/api/v1/calls', { params: { query: { limit: '100' } } })) as Promise<Page<Call>>,
  });
  return { tenders: tenders.data?.items ?? [], calls: calls.data?.items ?? [] };
}

/**
 * The notice desk's filters, kept in the address: the procedure (a call or a tender), the delivery
 * status, the kind of notice, and words of the recipient's name or e-mail address.
 */
export function NoticeFilters({
  params,
  filter,
}: {
  params: URLSearchParams;
  filter: (name: string, value: string) => void;
}) {
  const { t } = useLocale();
  const { tenders, calls } = useProcedures();
  const procedure = params.get('procedure') ?? '';
  const [recipient, setRecipient] = useState(params.get('recipient') ?? '');
  const known = [...tenders, ...calls].some((p) => p.id === procedure);
  const onRecipient = (e: FormEvent) => {
    e.preventDefault();
    filter('recipient', recipient.trim());
  };
  return (
    <>
      <div className="criterion-row board-filters">
        <Select
          id="procedure-filter"
          label={t('noticeDesk.procedure')}
          value={procedure}
          onChange={(v) => filter('procedure', v)}
        >
          <option value="">{t('noticeDesk.all')}</option>
          {procedure && !known ? <option value={procedure}>{procedure}</option> : null}
          <optgroup label={t('noticeDesk.tenders')}>
            {tenders.map((x) => (
              <option key={x.id} value={x.id}>
                {x.reference} — {x.title}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('noticeDesk.calls')}>
            {calls.map((x) => (
              <option key={x.id} value={x.id}>
                {x.reference} — {x.title}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select
          id="status-filter"
          label={t('noticeDesk.status')}
          value={params.get('status') ?? ''}
          onChange={(v) => filter('status', v)}
        >
          <option value="">{t('noticeDesk.all')}</option>
          {(['pending', 'sent', 'failed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`notices.status.${s}`)}
            </option>
          ))}
        </Select>
        <Select
          id="template-filter"
          label={t('notices.kind')}
          value={params.get('template') ?? ''}
          onChange={(v) => filter('template', v)}
        >
          <option value="">{t('noticeDesk.all')}</option>
          {Object.keys(en.notices.template).map((k) => (
            <option key={k} value={k}>
              {t(`notices.template.${k}`)}
            </option>
          ))}
        </Select>
      </div>
      <form
        className="narrow-form ecl-u-mb-m"
        onSubmit={onRecipient}
        aria-label={t('noticeDesk.recipientSearch')}
      >
        <TextField
          id="recipient-filter"
          type="search"
          label={t('noticeDesk.recipient')}
          help={t('noticeDesk.recipientHint')}
          required={false}
          value={recipient}
          onChange={setRecipient}
        />
        <button type="submit" className="ecl-button ecl-button--secondary">
          {t('noticeDesk.filter')}
        </button>
      </form>
    </>
  );
}
