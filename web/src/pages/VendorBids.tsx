import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must, postForm } from '../api/client.js';
import type { Tender } from '../api/types.js';
import { Checkbox, Field, Info, Instant, ProblemNotice, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { money, parseMoney } from '../lib/format.js';
import { ProblemError } from '../lib/problems.js';

interface OwnBid {
  id: string;
  lot: number;
  status: 'submitted' | 'withdrawn';
  receivedAt: string;
  sha256: string;
  receipts: { receivedAt: string; sha256: string; action: string }[];
  documents?: { id: string }[];
  content?: { priceCents: number; technicalOffer: string };
}

interface Receipt {
  id: string;
  lot: number;
  receivedAt: string;
  sha256: string;
  action: string;
  bidKey?: string;
  documents?: { id: string }[];
}

/** The receipt as a file the vendor keeps: what was received, when, and the SHA-256 that proves it. */
function receiptFile(tender: Tender, r: Receipt): string {
  return [
    `Tender: ${tender.reference} — ${tender.title}`,
    `Lot: ${r.lot}`,
    `Bid: ${r.id}`,
    `Action: ${r.action}`,
    `Received at (UTC): ${r.receivedAt}`,
    `SHA-256 of what was submitted: ${r.sha256}`,
    ...(r.bidKey
      ? [`Bid key (opens your documents before the opening; the platform does not keep it): ${r.bidKey}`]
      : []),
    '',
  ].join('\n');
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** A vendor's part of a tender: ask a question, submit, replace or withdraw a bid per lot, keep the receipt. */
export function VendorBids({ tender, now }: { tender: Tender; now: number }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const open = now < new Date(tender.submissionDeadline).getTime();
  const asking = now < new Date(tender.questionsDeadline).getTime();
  const bids = useQuery({
    queryKey: ['tender', tender.id, 'bids'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/bids', { params: { path: { id: tender.id } } })) as Promise<{
        items: OwnBid[];
      }>,
  });
  const [lot, setLot] = useState(String(tender.lots[0]?.number ?? 1));
  const [price, setPrice] = useState('');
  const [offer, setOffer] = useState('');
  const [noExclusion, setNoExclusion] = useState(false);
  const [selection, setSelection] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [question, setQuestion] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [asked, setAsked] = useState(false);
  const priceCents = parseMoney(price, locale);

  const submit = useMutation({
    mutationFn: async () => {
      const bid = {
        lot: Number(lot),
        priceCents: priceCents ?? Number.NaN,
        technicalOffer: offer,
        declarations: { noExclusionGrounds: noExclusion, meetsSelectionCriteria: selection },
      };
      const form = new FormData();
      form.append('bid', JSON.stringify(bid));
      for (const f of files) form.append('documents', f, f.name);
      return postForm<Receipt>(`/tenders/${tender.id}/bids`, form);
    },
    onSuccess: (r) => {
      setReceipt(r);
      void queries.invalidateQueries({ queryKey: ['tender', tender.id, 'bids'] });
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => must(api.DELETE('/api/v1/bids/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', tender.id, 'bids'] }),
  });
  const ask = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/questions', {
          params: { path: { id: tender.id } },
          body: { text: question },
        }),
      ),
    onSuccess: () => {
      setQuestion('');
      setAsked(true);
    },
  });
  const problem = [submit.error, withdraw.error, ask.error].find((e) => e instanceof ProblemError) as
    | ProblemError
    | undefined;
  const fieldError = (path: string) =>
    submit.error instanceof ProblemError ? submit.error.fieldMessage(path) : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };

  return (
    <section aria-labelledby="your-bids" className="ecl-u-mt-xl">
      <h2 className="ecl-u-type-heading-2" id="your-bids">
        {t('vendor.yourBids')}
      </h2>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {receipt ? (
        <div className="ecl-notification ecl-notification--success ecl-u-mb-l" role="status">
          <div className="ecl-notification__content">
            <div className="ecl-notification__title">{t('vendor.received', { lot: receipt.lot })}</div>
            <div className="ecl-notification__description">
              <p className="ecl-u-mb-xs">
                <Instant iso={receipt.receivedAt} /> · SHA-256{' '}
                <code className="receipt-hash">{receipt.sha256}</code>
              </p>
              {receipt.bidKey ? (
                <p className="ecl-u-mb-xs">
                  {t('vendor.bidKey')} <code className="receipt-hash">{receipt.bidKey}</code>
                </p>
              ) : null}
              <button
                type="button"
                className="ecl-button ecl-button--secondary"
                onClick={() =>
                  download(`receipt-${tender.reference}-lot-${receipt.lot}.txt`, receiptFile(tender, receipt))
                }
              >
                {t('vendor.downloadReceipt')}
              </button>
            </div>
          </div>
        </div>
      ) : null}

      {bids.data?.items.length ? (
        <table className="ecl-table ecl-u-mb-l">
          <TableHead
            columns={[
              t('tender.lots'),
              t('board.status'),
              t('vendor.receivedAt'),
              'SHA-256',
              <span key="actions" className="ecl-u-sr-only">
                {t('vendor.actions')}
              </span>,
            ]}
          />
          <tbody className="ecl-table__body">
            {bids.data.items.map((b) => (
              <tr className="ecl-table__row" key={b.id}>
                <td className="ecl-table__cell">{t('tender.lot', { number: b.lot })}</td>
                <td className="ecl-table__cell">
                  {t(`vendor.bidStatus.${b.status}`)}
                  {b.content ? ` · ${money(b.content.priceCents, locale)}` : ''}
                </td>
                <td className="ecl-table__cell">
                  <Instant iso={b.receivedAt} />
                </td>
                <td className="ecl-table__cell">
                  <code className="receipt-hash">{b.sha256}</code>
                </td>
                <td className="ecl-table__cell">
                  {open && b.status === 'submitted' ? (
                    <button
                      type="button"
                      className="ecl-button ecl-button--secondary"
                      onClick={() => withdraw.mutate(b.id)}
                    >
                      {t('vendor.withdraw', { lot: b.lot })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {open ? (
        <form onSubmit={onSubmit} aria-labelledby="bid-form" className="bid-form">
          <h3 className="ecl-u-type-heading-3" id="bid-form">
            {t('vendor.submit')}
          </h3>
          <Info>{t('vendor.sealed')}</Info>
          <div className="ecl-form-group ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="lot">
              {t('vendor.lot')}
            </label>
            <div className="ecl-select__container ecl-select__container--m">
              <select id="lot" className="ecl-select" value={lot} onChange={(e) => setLot(e.target.value)}>
                {tender.lots.map((l) => (
                  <option key={l.number} value={l.number}>
                    {t('tender.lot', { number: l.number })} — {l.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="ecl-form-group ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="price">
              {t('vendor.price')}
            </label>
            <div className="ecl-help-block" id="price-help">
              {priceCents !== null ? money(priceCents, locale) : t('vendor.priceHint')}
            </div>
            {fieldError('/priceCents') ? (
              <div className="ecl-feedback-message" id="price-error">
                {fieldError('/priceCents')}
              </div>
            ) : null}
            <input
              id="price"
              required
              inputMode="decimal"
              className={`ecl-text-input ecl-text-input--m ${fieldError('/priceCents') ? 'ecl-text-input--invalid' : ''}`}
              aria-describedby={`price-help${fieldError('/priceCents') ? ' price-error' : ''}`}
              aria-invalid={price !== '' && priceCents === null}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          </div>
          <Field id="offer" label={t('vendor.offer')} error={fieldError('/technicalOffer')}>
            {(describedBy) => (
              <textarea
                id="offer"
                required
                rows={6}
                aria-describedby={describedBy}
                className="ecl-text-area ecl-text-area--l"
                value={offer}
                onChange={(e) => setOffer(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="ecl-form-group ecl-u-mb-m">
            <legend className="ecl-form-label">{t('vendor.declarations')}</legend>
            <Checkbox id="no-exclusion" checked={noExclusion} onChange={setNoExclusion}>
              {t('vendor.noExclusion')}
            </Checkbox>
            <Checkbox id="selection" checked={selection} onChange={setSelection}>
              {t('vendor.meetsSelection')}
            </Checkbox>
          </fieldset>
          <div className="ecl-form-group ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="documents">
              {t('vendor.documents')}
            </label>
            <div className="ecl-help-block" id="documents-help">
              {t('vendor.documentsHint')}
            </div>
            <input
              id="documents"
              type="file"
              multiple
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.zip,.7z,.png,.jpg,.jpeg,.tif,.tiff,.webp"
              aria-describedby="documents-help"
              className="ecl-file-upload"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
            {files.length ? (
              <ul className="ecl-unordered-list">
                {files.map((f) => (
                  <li className="ecl-unordered-list__item" key={f.name}>
                    {f.name}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <button
            type="submit"
            className="ecl-button ecl-button--primary"
            disabled={submit.isPending || priceCents === null}
          >
            {t('vendor.send')}
          </button>
        </form>
      ) : (
        <Info>{t('vendor.closed')}</Info>
      )}

      {asking ? (
        <form
          className="ecl-u-mt-xl"
          aria-labelledby="ask"
          onSubmit={(e) => {
            e.preventDefault();
            ask.mutate();
          }}
        >
          <h3 className="ecl-u-type-heading-3" id="ask">
            {t('vendor.ask')}
          </h3>
          {asked ? <Info>{t('vendor.asked')}</Info> : null}
          <Field id="question" label={t('vendor.question')}>
            {(describedBy) => (
              <textarea
                id="question"
                required
                rows={3}
                aria-describedby={describedBy}
                className="ecl-text-area ecl-text-area--l"
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
              />
            )}
          </Field>
          <button
            type="submit"
            className="ecl-button ecl-button--secondary"
            disabled={ask.isPending || !question.trim()}
          >
            {t('vendor.sendQuestion')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
