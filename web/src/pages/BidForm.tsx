import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { postForm } from '../api/client.js';
import type { Tender } from '../api/types.js';
import { DOCUMENT_TYPES, FilePicker } from '../components/FilePicker.js';
import { Info, Notice, ProblemNotice } from '../components/feedback.js';
import { Checkbox, Field } from '../components/forms.js';
import { Instant } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { money, parseMoney } from '../lib/format.js';
import { ProblemError } from '../lib/problems.js';
import type { OwnBid, Receipt } from './BidReceipt.js';
import { useVendorEspd, VendorEspd } from './espd/VendorEspd.js';

/**
 * The form of a bid for one lot: price, offer, declarations or the ESPD, documents. A lot the
 * vendor has bid on already is replaced only once the vendor confirms it; a received bid empties
 * the form and hands its receipt up.
 */
export function BidForm({
  tender,
  bids,
  onReceipt,
}: {
  tender: Tender;
  bids: OwnBid[];
  onReceipt: (r: Receipt) => void;
}) {
  const { t, locale } = useLocale();
  const [lot, setLot] = useState(String(tender.lots[0]?.number ?? 1));
  const [price, setPrice] = useState('');
  const [offer, setOffer] = useState('');
  const [noExclusion, setNoExclusion] = useState(false);
  const [selection, setSelection] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [priceFiles, setPriceFiles] = useState<File[]>([]);
  const [confirming, setConfirming] = useState(false);
  const priceCents = parseMoney(price, locale);
  const espd = useVendorEspd(tender);
  const replacing = bids.find((b) => b.lot === Number(lot) && b.status === 'submitted');

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
      for (const f of priceFiles) form.append('priceDocuments', f, f.name);
      const receipt = await postForm<Receipt>(`/tenders/${tender.id}/bids`, form);
      return 'espd' in bid ? { ...receipt, espd: bid.espd.answers } : receipt;
    },
    onSuccess: (r) => {
      setPrice('');
      setOffer('');
      setNoExclusion(false);
      setSelection(false);
      setFiles([]);
      setPriceFiles([]);
      setConfirming(false);
      onReceipt(r);
    },
  });
  const fieldError = (path: string) =>
    submit.error instanceof ProblemError ? submit.error.fieldMessage(path) : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (replacing && !confirming) setConfirming(true);
    else submit.mutate();
  };

  return (
    <>
      {submit.error instanceof ProblemError ? <ProblemNotice problem={submit.error} /> : null}
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
            <select
              id="lot"
              className="ecl-select"
              value={lot}
              onChange={(e) => {
                setLot(e.target.value);
                setConfirming(false);
              }}
            >
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
        <FilePicker
          id="price-documents"
          label={t('bidding.priceDocuments')}
          hint={t('bidding.priceDocumentsHint')}
          accept={DOCUMENT_TYPES}
          files={priceFiles}
          onChange={setPriceFiles}
        />
        {replacing && confirming ? (
          <Notice variant="warning" title={t('bidding.replaceTitle', { lot })}>
            <p className="ecl-u-type-paragraph ecl-u-mb-s">
              {t('bidding.replaceText', { lot })} <Instant iso={replacing.receivedAt} />
            </p>
            <button
              type="submit"
              className="ecl-button ecl-button--primary ecl-u-mr-s"
              disabled={submit.isPending}
            >
              {t('bidding.replaceConfirm', { lot })}
            </button>
            <button
              type="button"
              className="ecl-button ecl-button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('bidding.keep')}
            </button>
          </Notice>
        ) : (
          <button
            type="submit"
            className="ecl-button ecl-button--primary"
            disabled={submit.isPending || priceCents === null}
          >
            {replacing ? t('bidding.replace', { lot }) : t('vendor.send')}
          </button>
        )}
      </form>
    </>
  );
}
