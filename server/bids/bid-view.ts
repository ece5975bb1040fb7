import { type Actor, isOfficer } from '../accounts/access.js';
import { type Committee, priceHiddenFrom } from '../committee/envelopes.js';
import type { TenderRecord } from '../tenders/tender.model.js';
import type { BidRecord } from './bid.model.js';

/**
 * Whether a bid waits for its vendor's confirmation: a significant amendment touching its lot was
 * published after the bid was received, and the vendor has not confirmed it since (as ProZorro
 * records it, with the time of the change). An unconfirmed bid is not opened.
 */
export function confirmationOf(
  t: Pick<TenderRecord, 'amendments'>,
  b: Pick<BidRecord, 'lot' | 'receivedAt' | 'confirmedAt'>,
): { needsConfirmation: boolean; changedAt: Date | null } {
  const change = (t.amendments ?? [])
    .filter(
      (a) => a.significant && a.lots.includes(b.lot) && new Date(a.publishedAt) > new Date(b.receivedAt),
    )
    .at(-1);
  if (!change) return { needsConfirmation: false, changedAt: null };
  const confirmed = b.confirmedAt && new Date(b.confirmedAt) >= new Date(change.publishedAt);
  return { needsConfirmation: !confirmed, changedAt: new Date(change.publishedAt) };
}

/**
 * What a reader may see of a bid: its receipt, and once opened its content. The evaluation's
 * working (checks and scores) is not the vendor's to read, and an evaluator sees only their own
 * scores, so that nobody scores in another's shadow.
 */
export function bidView(
  b: BidRecord,
  actor: Actor,
  t?: Pick<TenderRecord, 'amendments'> & Partial<Committee>,
) {
  const receipt = {
    id: String(b._id),
    tenderId: String(b.tenderId),
    lot: b.lot,
    vendorId: String(b.vendorId),
    status: b.status,
    receivedAt: b.receivedAt,
    sha256: b.sha256,
    receipts: b.receipts,
    // Its vendor sees whether a change asks it to confirm the bid.
    ...(t && actor.role === 'vendor' && b.status === 'submitted'
      ? { ...confirmationOf(t, b), confirmedAt: b.confirmedAt ?? null }
      : {}),
  };
  // Until the opening its vendor sees only which documents it sent (it holds the key that reads them).
  if (!b.opened)
    return actor.role === 'vendor'
      ? { ...receipt, documents: (b.sealed?.documents ?? []).map((d) => ({ id: d.id })) }
      : receipt;
  // An evaluator scores quality without the price and the price envelope, until prices are theirs to see.
  const hidden =
    actor.role === 'evaluator' && (!t?.award || !t.evaluators || priceHiddenFrom(t as Committee, actor));
  const documents = (b.opened.documents ?? [])
    .filter((d) => !(hidden && d.envelope === 'price'))
    .map(({ verified, ...d }) => (actor.role === 'vendor' ? d : { ...d, verified }));
  const content = {
    ...(hidden ? { priceHidden: true } : { priceCents: b.opened.priceCents }),
    technicalOffer: b.opened.technicalOffer,
    declarations: b.opened.declarations,
    ...(b.opened.espd ? { espd: b.opened.espd } : {}),
    documents,
  };
  if (actor.role === 'vendor') return { ...receipt, content };
  const scores = isOfficer(actor) ? b.scores : b.scores.filter((s) => s.evaluatorId === actor.id);
  return { ...receipt, content, verified: b.opened.verified, checks: b.checks, scores };
}
