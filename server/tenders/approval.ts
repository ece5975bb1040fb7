import { dataDigest } from '../digest.js';
import { Tender, type TenderRecord, tenderContent } from './tender.model.js';

/**
 * What a consortium's resolution approving a tender binds: whose it is and the SHA-256 of its
 * content now. The one query of the tenders stage that the consortia stage may ask.
 */
export async function tenderForApproval(
  tenderId: string,
): Promise<{ consortiumId: string; contentSha256: string } | null> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  return t ? { consortiumId: String(t.consortiumId), contentSha256: dataDigest(tenderContent(t)) } : null;
}
