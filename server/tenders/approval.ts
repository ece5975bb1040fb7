import { dataDigest } from '../digest.js';
import { Amendment, type AmendmentRecord, amendmentContent } from './amendment.model.js';
import { Tender, type TenderRecord } from './tender.model.js';
import { tenderContent } from './tender-content.js';

/** How a resolution names what it approves: its reference and its title, as they were when proposed. */
export interface ApprovalLabel {
  reference: string;
  title: string;
}

/**
 * What a consortium's resolution approving a tender binds: whose it is and the SHA-256 of its
 * content now. With the next, the queries of the tenders stage that the consortia stage may ask.
 */
export async function tenderForApproval(
  tenderId: string,
): Promise<{ consortiumId: string; contentSha256: string; label: ApprovalLabel } | null> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  return t
    ? {
        consortiumId: String(t.consortiumId),
        contentSha256: dataDigest(tenderContent(t)),
        label: { reference: t.reference, title: t.title },
      }
    : null;
}

/** What a resolution approving an amendment binds: whose tender it changes and its content's SHA-256. */
export async function amendmentForApproval(
  amendmentId: string,
): Promise<{ consortiumId: string; contentSha256: string; tenderId: string; label: ApprovalLabel } | null> {
  const a = await Amendment.findById(amendmentId).lean<AmendmentRecord>();
  const t = a && (await Tender.findById(a.tenderId, { reference: 1 }).lean<TenderRecord>());
  return a
    ? {
        consortiumId: String(a.consortiumId),
        contentSha256: dataDigest(amendmentContent(a)),
        tenderId: String(a.tenderId),
        label: { reference: t?.reference ?? String(a.tenderId), title: a.reason.text },
      }
    : null;
}
