import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must, postForm } from '../api/client.js';
import type { Tender } from '../api/types.js';
import { DOCUMENT_TYPES, FilePicker } from '../components/FilePicker.js';
import { firstProblem, Info, ProblemNotice } from '../components/feedback.js';
import { Checkbox, Field } from '../components/forms.js';
import { Section } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { money, parseMoney } from '../lib/format.js';
import { ProblemError } from '../lib/problems.js';
import { AskQuestion } from './AskQuestion.js';
import { BidOutcomes } from './BidOutcome.js';
import { BidProgress } from './BidProgress.js';
import { BidReceipt, type OwnBid, OwnBids, type Receipt } from './BidReceipt.js';
import { useVendorEspd, VendorEspd } from './espd/VendorEspd.js';
import { VendorRequests } from './espd/VendorRequests.js';

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
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const priceCents = parseMoney(price, locale);
  const espd = useVendorEspd(tender);

  const submit = useMutation({
    mutationFn: async () => {
      const bid = {
        lot: Number(lot),
        priceCents: priceCents ?? Number.NaN,
        technicalOffer: offer,
        ...(espd.asked
          ? espd.field(Number(lot))
          : { declarations: { noExclusionGrounds: noExclusion, meetsSelectionCriteria: selection } }),
      };
      const form = new FormData();
      form.append('bid', JSON.stringify(bid));
      for (const f of files) form.append('documents', f, f.name);
      const receipt = await postForm<Receipt>(`/tenders/${tender.id}/bids`, form);
      return 'espd' in bid ? { ...receipt, espd: bid.espd.answers } : receipt;
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
  const confirm = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/v1/bids/{id}/confirm', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', tender.id, 'bids'] }),
  });
  const problem = firstProblem(submit.error, withdraw.error, confirm.error);
  const fieldError = (path: string) =>
    submit.error instanceof ProblemError ? submit.error.fieldMessage(path) : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };

  return (
    <Section id="your-bids" title={t('vendor.yourBids')} className="ecl-u-mt-xl">
      {problem ? <ProblemNotice problem={problem} /> : null}
      {receipt ? <BidReceipt tender={tender} receipt={receipt} criteria={espd.criteria} /> : null}

      {bids.data?.items.length ? (
        <OwnBids
          bids={bids.data.items}
          open={open}
          onWithdraw={(id) => withdraw.mutate(id)}
          onConfirm={(id) => confirm.mutate(id)}
        />
      ) : null}
      {open
        ? null
        : bids.data?.items
            .filter((b) => b.status === 'submitted')
            .map((b) => (
              <BidProgress
                key={b.id}
                lot={b.lot}
                lotStatus={tender.lots.find((l) => l.number === b.lot)?.status ?? tender.status}
              />
            ))}
      {open ? null : <VendorRequests tenderId={tender.id} />}
      {open ? null : <BidOutcomes tender={tender} />}

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
          {espd.asked ? (
            <VendorEspd
              tenderId={tender.id}
              espd={espd}
              lot={Number(lot)}
              problem={submit.error instanceof ProblemError ? submit.error : undefined}
            />
          ) : (
            <fieldset className="ecl-form-group ecl-u-mb-m">
              <legend className="ecl-form-label">{t('vendor.declarations')}</legend>
              <Checkbox id="no-exclusion" checked={noExclusion} onChange={setNoExclusion}>
                {t('vendor.noExclusion')}
              </Checkbox>
              <Checkbox id="selection" checked={selection} onChange={setSelection}>
                {t('vendor.meetsSelection')}
              </Checkbox>
            </fieldset>
          )}
          <FilePicker
            id="documents"
            label={t('vendor.documents')}
            hint={t('vendor.documentsHint')}
            accept={DOCUMENT_TYPES}
            files={files}
            onChange={setFiles}
          />
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

      {asking ? <AskQuestion tenderId={tender.id} /> : null}
    </Section>
  );
}
