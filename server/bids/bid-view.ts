import { type Actor, isOfficer } from '../accounts/access.js';
import type { BidRecord } from './bid.model.js';

/**
 * What a reader may see of a bid: its receipt, and once opened its content. The evaluation's
 * working (checks and scores) is not the vendor's to read, and an evaluator sees only their own
 * scores, so that nobody scores in another's shadow.
 */
export function bidView(b: BidRecord, actor: Actor) {
  const receipt = {
    id: String(b._id),
    tenderId: String(b.tenderId),
    lot: b.lot,
    vendorId: String(b.vendorId),
    status: b.status,
    receivedAt: b.receivedAt,
    sha256: b.sha256,
    receipts: b.receipts,
  };
  // Until the opening its vendor sees only which documents it sent (it holds the key that reads them).
  if (!b.opened)
    return actor.role === 'vendor'
      ? { ...receipt, documents: (b.sealed?.documents ?? []).map((d) => ({ id: d.id })) }
      : receipt;
  const documents = (b.opened.documents ?? []).map(({ verified, ...d }) =>
    actor.role === 'vendor' ? d : { ...d, verified },
  );
  const content = {
    priceCents: b.opened.priceCents,
    technicalOffer: b.opened.technicalOffer,
    declarations: b.opened.declarations,
    documents,
  };
  if (actor.role === 'vendor') return { ...receipt, content };
  const scores = isOfficer(actor) ? b.scores : b.scores.filter((s) => s.evaluatorId === actor.id);
  return { ...receipt, content, verified: b.opened.verified, checks: b.checks, scores };
}
