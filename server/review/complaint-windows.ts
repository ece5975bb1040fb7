import { Bid } from '../bids/bid.model.js';
import { bidIdFor } from '../bids/bids.service.js';
import { context } from '../context.js';
import { AppError, badRequest, conflict } from '../errors.js';
import { addDuration } from '../periods.js';
import { isLotCancelled, lotCancellation, type TenderRecord } from '../tenders/tender.model.js';
import type { ComplaintSubject } from './complaint.model.js';

// When, and by whom, a complaint may be lodged (Remedies Directive 89/665/EEC art. 2c, 2a): against
// the conditions, any vendor until COMPLAINT_CONDITIONS_LEAD before the deadline; against an
// exclusion or an award, a bidder of the lot from the decision until its standstill ends; against
// a cancellation, a bidder of the lot within a standstill period after it.

export interface ComplaintWindow {
  from: Date | null;
  until: Date;
}

const subjectOf = (against: ComplaintSubject, lot?: number) =>
  against === 'conditions'
    ? 'the conditions of the tender'
    : `the ${against === 'cancellation' ? 'cancellation' : against === 'award' ? 'award' : 'exclusion decided with the award'} of lot ${lot}`;

const notAParty = (message: string) => new AppError('not-a-party', message, 403);

/** The vendor's bid on the lot, if it bid (a withdrawn bid is no bid). */
async function ownBid(t: TenderRecord, lot: number, vendorId: string) {
  const id = bidIdFor(String(t._id), lot, vendorId);
  const bid = await Bid.findById(id, { status: 1 }).lean();
  return bid?.status === 'submitted' ? id : null;
}

/**
 * The window a vendor's complaint falls in, checked against now: 400 for a lot missing or unknown,
 * 403 when the vendor is no party to what it complains of, 409 naming the window when it is not open.
 */
export async function complaintWindow(
  t: TenderRecord,
  input: { against: ComplaintSubject; lot?: number },
  vendorId: string,
  now = new Date(),
): Promise<ComplaintWindow> {
  const { against, lot } = input;
  if (lot !== undefined && !t.lots.some((l) => l.number === lot))
    throw badRequest('Unknown lot.', [
      { path: '/lot', message: `must be one of ${t.lots.map((l) => l.number).join(', ')}` },
    ]);
  if (against !== 'conditions' && lot === undefined)
    throw badRequest('Name the lot.', [
      {
        path: '/lot',
        message: `is required for a complaint against ${against === 'award' ? 'an award' : `an ${against}`}`,
      },
    ]);
  const window = await windowOf(t, against, lot as number, vendorId);
  if ((window.from && now < window.from) || now >= window.until) {
    const range = `${window.from ? `from ${window.from.toISOString()} ` : ''}until ${window.until.toISOString()}`;
    throw conflict(
      'complaint-window',
      `A complaint against ${subjectOf(against, lot)} may be lodged ${range}; it is ${now < (window.from ?? now) ? 'not open yet' : 'closed'}.`,
      [{ path: '/against', message: `may be lodged ${range}` }],
    );
  }
  return window;
}

async function windowOf(
  t: TenderRecord,
  against: ComplaintSubject,
  lot: number,
  vendorId: string,
): Promise<ComplaintWindow> {
  if (against === 'conditions') {
    if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
    const lead = context().config.complaintConditionsLead;
    return { from: t.publishedAt, until: addDuration(new Date(t.submissionDeadline), `-${lead}`) };
  }
  const bidId = await ownBid(t, lot, vendorId);
  if (!bidId) throw notAParty(`Only a bidder of lot ${lot} may complain against its ${against}.`);
  if (against === 'cancellation') {
    const at = lotCancellation(t, lot)?.at ?? (t.status === 'cancelled' ? t.cancelledAt : null);
    if (!at)
      throw conflict(
        'complaint-window',
        `Lot ${lot} is not cancelled: there is no cancellation to complain of.`,
      );
    return { from: new Date(at), until: addDuration(new Date(at), t.standstillPeriod) };
  }
  const award = t.awards.find((a) => a.lot === lot);
  if (!award)
    throw conflict(
      'complaint-window',
      `Lot ${lot} has no award decision yet: a complaint against its ${against} may be lodged from the decision until its standstill ends.`,
      [{ path: '/against', message: 'may be lodged once the lot is decided' }],
    );
  if (against === 'award' && award.bidId === bidId)
    throw notAParty(`Your bid won lot ${lot}: only another bidder may complain against its award.`);
  const result = t.evaluation?.lots.find((l) => l.lot === lot)?.results.find((r) => r.bidId === bidId);
  if (against === 'exclusion' && result && result.rank !== null)
    throw notAParty(`Your bid on lot ${lot} was not excluded: complain against the award instead.`);
  return { from: new Date(award.decidedAt), until: new Date(award.standstillEndsAt) };
}

/** What a vendor may complain of now, each with the end of its window (a console shows these). */
export async function openWindows(t: TenderRecord, vendorId: string, now = new Date()) {
  const candidates: { against: ComplaintSubject; lot?: number }[] = [
    { against: 'conditions' },
    // A lot opens a window only once decided or cancelled: the others cost no lookup of the vendor's bid.
    ...t.lots
      .filter((l) => t.awards.some((a) => a.lot === l.number) || isLotCancelled(t, l.number))
      .flatMap((l) =>
        (['award', 'exclusion', 'cancellation'] as const).map((against) => ({ against, lot: l.number })),
      ),
  ];
  const open: { against: ComplaintSubject; lot: number | null; until: Date }[] = [];
  for (const c of candidates) {
    try {
      const window = await complaintWindow(t, c, vendorId, now);
      open.push({ against: c.against, lot: c.lot ?? null, until: window.until });
    } catch (err) {
      // Not open to this vendor now: the refusal it would get says why.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return open;
}
