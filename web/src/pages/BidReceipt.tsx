import type { Tender } from '../api/types.js';
import { saveFile } from '../components/save-file.js';
import { Instant, TableHead } from '../components/ui.js';
import { type TFunction, useLocale } from '../i18n.js';
import { fileSize, type Locale, money } from '../lib/format.js';
import { answerText, EspdDeclared } from './espd/EspdDeclared.js';
import type { AskedCriterion, EspdAnswers } from './espd/espd-types.js';

// What a vendor keeps of its bids: the receipt of the last submission, and the table of its bids.

export interface OwnBid {
  id: string;
  lot: number;
  status: 'submitted' | 'withdrawn';
  receivedAt: string;
  sha256: string;
  receipts: { receivedAt: string; sha256: string; action: string }[];
  documents?: { id: string }[];
  content?: { priceCents: number; technicalOffer: string };
  /** After a significant change to its lot: the bid is opened only once its vendor confirms it. */
  needsConfirmation?: boolean;
  changedAt?: string | null;
}

export interface Receipt {
  id: string;
  lot: number;
  receivedAt: string;
  sha256: string;
  action: string;
  bidKey?: string;
  /** Each file as the platform received it (only in the receipt: the platform keeps them sealed). */
  documents?: { id: string; filename?: string; size?: number; sha256?: string }[];
  /** What the bid's ESPD declared, as the vendor sent it (the platform keeps it sealed). */
  espd?: EspdAnswers;
}

/** The receipt as a file the vendor keeps, in its language: what was received, when, and the SHA-256 that proves it. */
function receiptFile(
  tender: Tender,
  r: Receipt,
  criteria: AskedCriterion[],
  t: TFunction,
  locale: Locale,
): string {
  const espd = r.espd;
  return [
    `${t('receiptFile.tender')}: ${tender.reference} — ${tender.title}`,
    `${t('receiptFile.lot')}: ${r.lot}`,
    `${t('receiptFile.bid')}: ${r.id}`,
    `${t('receiptFile.action')}: ${t(`receiptFile.actions.${r.action}`, { defaultValue: r.action })}`,
    `${t('receiptFile.receivedAt')}: ${r.receivedAt}`,
    `${t('receiptFile.sha256')}: ${r.sha256}`,
    ...(r.bidKey ? [`${t('receiptFile.bidKey')}: ${r.bidKey}`] : []),
    ...(r.documents?.length
      ? [
          '',
          `${t('bidding.files')}:`,
          ...r.documents.map((d) => `- ${d.filename} (${d.size} B) SHA-256 ${d.sha256}`),
        ]
      : []),
    ...(espd
      ? [
          '',
          `${t('espd.declared')}:`,
          ...criteria
            .filter((c) => espd[c.code])
            .map((c) => `- ${c.name}: ${answerText(c, espd, t, locale)}`),
        ]
      : []),
    '',
  ].join('\n');
}

/** The receipt just received: the time, the SHA-256 and the bid key, and a file to keep them. */
export function BidReceipt({
  tender,
  receipt,
  criteria = [],
}: {
  tender: Tender;
  receipt: Receipt;
  criteria?: AskedCriterion[];
}) {
  const { t, locale } = useLocale();
  return (
    <div className="ecl-notification ecl-notification--success ecl-u-mb-l" role="status">
      <div className="ecl-notification__content">
        <div className="ecl-notification__title">{t('vendor.received', { lot: receipt.lot })}</div>
        <div className="ecl-notification__description">
          <p className="ecl-u-mb-xs">
            <Instant iso={receipt.receivedAt} /> · SHA-256{' '}
            <code className="receipt-hash">{receipt.sha256}</code>
          </p>
          {receipt.documents?.length ? <ReceivedFiles files={receipt.documents} /> : null}
          {receipt.bidKey ? (
            <>
              <h4 className="ecl-u-type-heading-5 ecl-u-mt-m ecl-u-mb-xs">{t('bidding.keyTitle')}</h4>
              <p className="ecl-u-mb-xs">
                <code className="receipt-hash">{receipt.bidKey}</code>
              </p>
              <p className="ecl-u-type-paragraph-s ecl-u-mb-xs">
                {t('bidding.keyWhat')} {t('bidding.keyKeep')}
              </p>
              <p className="ecl-u-type-paragraph-s ecl-u-mb-s">{t('bidding.keyLost')}</p>
            </>
          ) : null}
          {receipt.espd ? <EspdDeclared criteria={criteria} answers={receipt.espd} /> : null}
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            onClick={() =>
              saveFile(
                `receipt-${tender.reference}-lot-${receipt.lot}.txt`,
                new Blob([receiptFile(tender, receipt, criteria, t, locale)], {
                  type: 'text/plain;charset=utf-8',
                }),
              )
            }
          >
            {t('vendor.downloadReceipt')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The files of a bid as received: name, size and SHA-256 of each. */
function ReceivedFiles({ files }: { files: NonNullable<Receipt['documents']> }) {
  const { t, locale } = useLocale();
  return (
    <table className="ecl-table ecl-u-mb-s receipt-files" aria-labelledby="received-files">
      <caption className="ecl-table__caption ecl-u-type-heading-5" id="received-files">
        {t('bidding.files')}
      </caption>
      <TableHead columns={[t('bidding.fileName'), t('bidding.fileSize'), 'SHA-256']} />
      <tbody className="ecl-table__body">
        {files.map((f) => (
          <tr className="ecl-table__row" key={f.id}>
            <td className="ecl-table__cell">{f.filename}</td>
            <td className="ecl-table__cell">{f.size === undefined ? '' : fileSize(f.size, locale)}</td>
            <td className="ecl-table__cell">
              <code className="receipt-hash">{f.sha256}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The vendor's bids on the tender, each withdrawable while bids are taken. */
export function OwnBids({
  bids,
  open,
  onWithdraw,
  onConfirm,
}: {
  bids: OwnBid[];
  open: boolean;
  onWithdraw: (id: string) => void;
  onConfirm: (id: string) => void;
}) {
  const { t, locale } = useLocale();
  return (
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
        {bids.map((b) => (
          <tr className="ecl-table__row" key={b.id}>
            <td className="ecl-table__cell">{t('tender.lot', { number: b.lot })}</td>
            <td className="ecl-table__cell">
              {t(`vendor.bidStatus.${b.content && b.status === 'submitted' ? 'opened' : b.status}`)}
              {b.content ? ` · ${money(b.content.priceCents, locale)}` : ''}
              {b.needsConfirmation && b.changedAt ? (
                <p className="ecl-u-type-paragraph-s ecl-u-type-bold ecl-u-mt-xs ecl-u-mb-none">
                  {t('changes.bidNeedsConfirmation')} <Instant iso={b.changedAt} />
                </p>
              ) : null}
            </td>
            <td className="ecl-table__cell">
              <Instant iso={b.receivedAt} />
            </td>
            <td className="ecl-table__cell">
              <code className="receipt-hash">{b.sha256}</code>
            </td>
            <td className="ecl-table__cell">
              {open && b.needsConfirmation ? (
                <button
                  type="button"
                  className="ecl-button ecl-button--primary ecl-u-mr-s ecl-u-mb-xs"
                  onClick={() => onConfirm(b.id)}
                >
                  {t('changes.confirmBid', { lot: b.lot })}
                </button>
              ) : null}
              {open && b.status === 'submitted' ? (
                <button
                  type="button"
                  className="ecl-button ecl-button--secondary"
                  onClick={() => onWithdraw(b.id)}
                >
                  {t('vendor.withdraw', { lot: b.lot })}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
