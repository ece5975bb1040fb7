import { recordAudit } from '../audit/audit.service.js';
import { type AppError, conflict } from '../errors.js';
import { changeDocument } from '../revision.js';
import { Tender, type TenderRecord } from './tender.model.js';

// The opening held by a complaint against the conditions (see `OpeningSuspension`): the review
// stage holds and releases it; the committee, the timed opening and the amendments read it.

/**
 * The opening held by a complaint against the conditions (Remedies Directive art. 2(3)): accepted
 * by the review body before the deadline, it holds until decided (`decision`); upheld, until the
 * officers amend the conditions (`amendment`). Meanwhile the committee cannot open the bids, and
 * the tender may still be amended (its deadline extended) though its deadline has passed.
 */
export interface OpeningSuspension {
  complaintId: string;
  since: Date;
  until: 'decision' | 'amendment';
}

/** The refusal of any step of the opening while a complaint holds it. */
export function openingSuspendedConflict(t: Pick<TenderRecord, 'openingSuspension'>): AppError | null {
  const s = t.openingSuspension;
  if (!s) return null;
  return conflict(
    'opening-suspended',
    s.until === 'decision'
      ? `The opening is suspended by complaint ${s.complaintId} until the review body decides.`
      : `The review body upheld complaint ${s.complaintId}: the opening waits until the conditions are amended.`,
  );
}

/**
 * Holds the opening for a complaint: until its decision, or (upheld) until the conditions are
 * amended. Nothing is held once the bids are opened. Answers whether the opening is held now.
 */
export async function holdOpening(
  tenderId: string,
  complaintId: string,
  until: OpeningSuspension['until'],
): Promise<boolean> {
  let held = false;
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    const current = tender.openingSuspension;
    if (tender.opening || tender.status !== 'published') return { set: {} };
    // Another complaint's hold stays until it is released.
    if (current && current.complaintId !== complaintId) return { set: {} };
    held = true;
    const hold: OpeningSuspension = { complaintId, since: current?.since ?? new Date(), until };
    return { set: { openingSuspension: hold } };
  });
  if (held)
    await recordAudit({
      actor: null,
      action: 'tender.opening-held',
      object: { type: 'tender', id: tenderId },
      detail: { complaintId, until },
    });
  return held;
}

/** Releases the complaint's hold on the opening, if it holds it. Answers whether it did. */
export async function releaseOpening(tenderId: string, complaintId: string): Promise<boolean> {
  let released = false;
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    if (tender.openingSuspension?.complaintId !== complaintId) return { set: {} };
    released = true;
    return { set: { openingSuspension: null } };
  });
  if (released)
    await recordAudit({
      actor: null,
      action: 'tender.opening-released',
      object: { type: 'tender', id: tenderId },
      detail: { complaintId },
    });
  return released;
}
