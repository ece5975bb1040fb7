import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { badRequest, conflict } from '../errors.js';
import { domainEvent } from '../events.js';
import { notices, withNotice } from '../publishing.js';
import { changeDocument } from '../revision.js';
import {
  isLotCancelled,
  type LotCancellation,
  liveLots,
  lotCancellation,
  Tender,
  type TenderRecord,
} from './tender.model.js';
import { loadTender } from './tender-access.js';
import { tenderView } from './tender-view.js';

/** The refusal when a step is asked of a cancelled lot. */
export const lotCancelledConflict = (lot: number) => conflict('lot-cancelled', `Lot ${lot} is cancelled.`);

/**
 * An officer cancels one lot, with an eForms reason, at any time before its contract: the other
 * lots go on. Before the deadline a change notice says so; a lot still sealed is never opened;
 * every interested vendor is told. Cancelling the last lot cancels the tender.
 */
export async function cancelLot(
  actor: Actor,
  id: string,
  lot: number,
  reason: { code: string; text: string },
) {
  const cancellable = (t: TenderRecord) => {
    if (!t.lots.some((l) => l.number === lot))
      throw badRequest('Unknown lot.', [
        { path: '/lot', message: `must be one of ${t.lots.map((l) => l.number).join(', ')}` },
      ]);
    if (t.status === 'draft') throw conflict('draft', 'A draft is changed, not cancelled; publish it first.');
    if (isLotCancelled(t, lot)) throw conflict('lot-cancelled', `Lot ${lot} is already cancelled.`);
    if (t.contracts?.some((c) => c.lot === lot))
      throw conflict('contracted', `A contract has been signed for lot ${lot}.`);
  };
  const t0 = await loadTender(actor, id);
  cancellable(t0);
  const at = new Date();
  const last = liveLots(t0).length === 1;
  const cancellation: LotCancellation = {
    lot,
    at,
    by: actor.id,
    reason,
    beforeOpening: !t0.opening,
  };
  // Before the deadline the change notice tells TED's readers; after it, the award notice gives
  // the lot as not awarded with this reason.
  const beforeDeadline = at < new Date(t0.submissionDeadline);
  const after: TenderRecord = { ...t0, lotCancellations: [...(t0.lotCancellations ?? []), cancellation] };
  const notice = beforeDeadline
    ? await notices().changeNotice(after, {
        reason: 'cancel',
        description: `Lot ${lot} is cancelled: ${reason.text}`,
        lots: [lot],
      })
    : undefined;
  const t = await withNotice(notice, (released) =>
    changeDocument<TenderRecord>(Tender, id, 'The tender', (tender) => {
      cancellable(tender);
      return {
        set: {
          lotCancellations: [...(tender.lotCancellations ?? []), cancellation],
          ...(last ? { status: 'cancelled', cancelledAt: at, cancelReason: reason.text } : {}),
        },
        effects: [domainEvent('tender.lot-cancelled', { lot }), ...released],
      };
    }),
  );
  await recordAudit({
    actor,
    action: 'tender.lot-cancelled',
    object: { type: 'tender', id },
    detail: { lot, code: reason.code, reason: reason.text },
  });
  if (!beforeDeadline) await notices().tenderDecided(id);
  return tenderView(t, actor);
}

/**
 * The review body upheld a complaint against a lot's cancellation: the cancellation is revoked and
 * the lot goes on where it stood (a tender cancelled with its last lot, or as a whole, is published
 * again). Bids a past opening left sealed because the lot was cancelled stay sealed: the opening
 * key is gone.
 */
export async function revokeCancellation(
  tenderId: string,
  lot: number,
  complaintId: string,
  cancelledBefore: Date,
): Promise<boolean> {
  let revoked = false;
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    const cancellation = lotCancellation(tender, lot);
    const at = cancellation?.at ?? (tender.status === 'cancelled' ? tender.cancelledAt : null);
    // A cancellation made after the review body's decision is a new one: it stands.
    if (!at || new Date(at) >= cancelledBefore) return { set: {} };
    revoked = true;
    return {
      set: {
        lotCancellations: (tender.lotCancellations ?? []).filter((c) => c.lot !== lot),
        revokedCancellations: [
          ...(tender.revokedCancellations ?? []),
          {
            ...(cancellation ?? {
              lot,
              at: tender.cancelledAt,
              reason: { code: '', text: tender.cancelReason },
            }),
            revokedAt: new Date(),
            complaintId,
          },
        ],
        ...(tender.status === 'cancelled'
          ? { status: 'published', cancelledAt: null, cancelReason: null }
          : {}),
      },
    };
  });
  if (revoked)
    await recordAudit({
      actor: null,
      action: 'tender.cancellation-revoked',
      object: { type: 'tender', id: tenderId },
      detail: { lot, complaintId },
    });
  return revoked;
}
