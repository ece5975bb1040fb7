import { trusted } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { AppError, conflict, forbidden } from '../errors.js';
import { seal, unseal } from '../keys/aead.js';
import { keyPairOf, openWith } from '../keys/ecies.js';
import { memberKeyFor } from '../keys/member-secret.js';
import { combineShares } from '../keys/threshold.js';
import { logger } from '../logger.js';
import { changeDocument } from '../revision.js';
import { openingCommitteeView, SHARE_PURPOSE, shareBinding } from '../tenders/opening-committee.js';
import { type OpeningAct, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tenders.service.js';
import { openingDueAt } from '../tenders/time-limits.js';
import { openTenderBids } from './opening.js';

// The opening by simultaneous action: from the opening time each committee member acts with their
// secret, which releases their share of the tender's private key. When a quorum has acted the key
// is rebuilt in memory, every bid is opened and verified, and the key and the shares are forgotten.
// Between acts a released share is kept sealed with the platform key: fewer than a quorum of shares
// say nothing of the key (that is what threshold sharing means), so nothing is opened before then.

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'tender', id }, detail });

/** Why the members cannot act now: not published, already opened, or before the opening time. */
function requireOpeningDue(t: TenderRecord): void {
  if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
  if (t.opening) throw conflict('already-opened', 'The bids are already opened.');
  const due = openingDueAt(t);
  if (new Date() < due)
    throw conflict('opening-not-due', `The opening committee acts from ${due.toISOString()}.`);
}

const progress = (t: TenderRecord) => ({
  acted: (t.openingActs ?? []).length,
  quorum: t.openingCommittee?.quorum ?? 0,
  opened: Boolean(t.opening),
});

/**
 * A committee member acts at the opening with their secret. A wrong secret is refused (403) and
 * audited; a member who has acted acts once. The act that completes the quorum opens the bids.
 */
export async function unlockOpening(actor: Actor, tenderId: string, secret: string) {
  const t = await loadTender(actor, tenderId);
  const member = t.openingCommittee?.members.find((m) => m.userId === actor.id);
  if (!isOfficer(actor) || !member)
    throw forbidden('Only a member of the tender’s opening committee acts at the opening.');
  if (!t.openingKey?.shares.length)
    throw conflict(
      'opens-by-time',
      'This tender was published before the opening ceremony; it opens at its opening time.',
    );
  requireOpeningDue(t);
  if (t.openingActs?.some((a) => a.userId === actor.id)) return progress(t);
  const keys = member.key ? await memberKeyFor(secret, member.key) : undefined;
  const box = t.openingKey.shares.find((s) => s.userId === actor.id);
  if (!keys || !box) {
    await audit(actor, 'tender.opening-secret-refused', tenderId);
    throw new AppError('wrong-secret', 'This is not your opening secret for this tender.', 403);
  }
  const binding = shareBinding(tenderId, actor.id);
  const share = openWith(keys, box.box, binding, SHARE_PURPOSE);
  const kept = seal(context().config.bidEncryptionKey, share, binding);
  share.fill(0);
  keys.privateKey.fill(0);
  const updated = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    requireOpeningDue(tender);
    const acts = tender.openingActs ?? [];
    if (acts.some((a) => a.userId === actor.id)) return { set: {} };
    const act: OpeningAct = { userId: actor.id, at: new Date(), share: kept };
    return {
      set: { openingActs: [...acts, act] },
      audit: {
        actor,
        action: 'tender.opening-acted',
        object: { type: 'tender', id: tenderId },
        detail: { acted: acts.length + 1, quorum: tender.openingCommittee?.quorum },
      },
    };
  });
  if (progress(updated).acted >= progress(updated).quorum) await completeCeremony(tenderId);
  return progress((await Tender.findById(tenderId).lean<TenderRecord>()) as TenderRecord);
}

/**
 * Once a quorum has acted: rebuilds the tender's private key from the released shares, checks it is
 * the key the bids were sealed to, opens every bid, and forgets the key and the shares. Idempotent,
 * so that the reconciler finishes a ceremony that a crash interrupted.
 */
export async function completeCeremony(tenderId: string): Promise<'opened' | 'waiting' | 'skipped'> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const released = (t?.openingActs ?? []).filter((a) => a.share);
  if (!t?.openingKey || !t.openingCommittee) return 'skipped';
  if (!released.length) return 'skipped';
  if (!t.opening && released.length < t.openingCommittee.quorum) return 'waiting';
  const { bidEncryptionKey } = context().config;
  if (!t.opening) {
    const shares = released.map((a) =>
      unseal(bidEncryptionKey, a.share as never, shareBinding(tenderId, a.userId)),
    );
    const privateKey = await combineShares(shares);
    try {
      const tenderKeys = keyPairOf(privateKey);
      if (!tenderKeys.publicKey.equals(Buffer.from(t.openingKey.publicKey, 'base64')))
        throw new Error('The released shares do not rebuild the tender’s opening key.');
      await openTenderBids(tenderId, {
        opener: { tenderKeys, platformKey: bidEncryptionKey },
        method: 'ceremony',
        acts: (t.openingActs ?? []).map((a) => ({ userId: a.userId, at: a.at })),
      });
    } finally {
      privateKey.fill(0);
      for (const s of shares) s.fill(0);
    }
  }
  // The bids are open: the released shares are forgotten too.
  await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => ({
    set: { openingActs: (tender.openingActs ?? []).map((a) => ({ ...a, share: null })) },
  }));
  return t.opening ? 'skipped' : 'opened';
}

/** Ceremonies whose quorum acted but whose opening a crash cut short: finished now. */
export async function finishInterruptedCeremonies(): Promise<number> {
  const pending = await Tender.find(
    { status: 'published', 'openingActs.0': trusted({ $exists: true }) },
    { _id: 1, openingActs: 1, openingCommittee: 1, opening: 1 },
  ).lean<TenderRecord[]>();
  const stuck = pending.filter((t) => {
    const released = (t.openingActs ?? []).filter((a) => a.share).length;
    return released > 0 && (t.opening || released >= (t.openingCommittee?.quorum ?? Infinity));
  });
  for (const t of stuck) {
    try {
      await completeCeremony(String(t._id));
    } catch (err) {
      logger.error({ err, tenderId: String(t._id) }, 'an interrupted opening could not be finished');
    }
  }
  return stuck.length;
}

/** The opening record, for officers: the committee, who acted and when, and what the opening found. */
export async function openingRecord(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  if (!isOfficer(actor)) throw forbidden('Only officers read the opening record.');
  const opening = t.opening;
  return {
    tenderId,
    method: opening?.method ?? (t.openingKey ? 'ceremony' : 'timed'),
    openingAt: t.openingAt,
    dueAt: openingDueAt(t),
    committee: openingCommitteeView(t.openingCommittee),
    acts: (opening?.acts ?? t.openingActs ?? []).map((a) => ({ userId: a.userId, at: a.at })),
    opened: Boolean(opening),
    openedAt: opening?.at ?? null,
    bids: opening?.bids ?? null,
    mismatches: opening?.mismatches ?? [],
    documents: opening?.documents ?? null,
  };
}
