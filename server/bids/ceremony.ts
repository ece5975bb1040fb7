import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { AppError, conflict, forbidden } from '../errors.js';
import { domainEvent } from '../events.js';
import { seal, unseal } from '../keys/aead.js';
import { keyPairOf, openWith } from '../keys/ecies.js';
import { memberKeyFor } from '../keys/member-secret.js';
import { combineShares } from '../keys/threshold.js';
import { changeDocument } from '../revision.js';
import { openingCommitteeView, SHARE_PURPOSE, shareBinding } from '../tenders/opening-committee.js';
import { openingSuspendedConflict } from '../tenders/opening-hold.js';
import { type OpeningAct, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import { openingDueAt } from '../tenders/time-limits.js';
import { openTenderBids } from './opening.js';

// The opening by simultaneous action: from the opening time each committee member acts with their
// secret, which releases their share of the tender's private key. When a quorum has acted a worker
// rebuilds the key in memory, opens and verifies every bid, and forgets the key and the shares.
// Between acts a released share is kept sealed with the platform key: fewer than a quorum of shares
// say nothing of the key (that is what threshold sharing means), so nothing is opened before then.

const audit = (actor: Actor, action: string, id: string, detail?: Record<string, unknown>) =>
  recordAudit({ actor, action, object: { type: 'tender', id }, detail });

/** Why the members cannot act now: not published, already opened, or before the opening time. */
function requireOpeningDue(t: TenderRecord): void {
  if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
  if (t.opening) throw conflict('already-opened', 'The bids are already opened.');
  const suspended = openingSuspendedConflict(t);
  if (suspended) throw suspended;
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
 * audited; a member who has acted acts once. The act that completes the quorum raises the event
 * on which a worker opens the bids (`completeCeremony`); `opened` tells when it has.
 */
export async function unlockOpening(actor: Actor, tenderId: string, secret: string) {
  const t = await loadTender(actor, tenderId);
  const member = t.openingCommittee?.members.find((m) => m.userId === actor.id);
  if (!isOfficer(actor) || !member)
    throw forbidden('Only a member of the tender’s opening committee acts at the opening.');
  if (t.status === 'draft')
    throw conflict('not-published', 'The tender is not published yet; nothing is sealed.');
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
    const quorum = tender.openingCommittee?.quorum ?? Infinity;
    return {
      set: { openingActs: [...acts, act] },
      // The act that completes the quorum: a worker opens the bids (many files take their time).
      ...(acts.length + 1 === quorum ? { effects: [domainEvent('tender.quorum-reached')] } : {}),
      audit: {
        actor,
        action: 'tender.opening-acted',
        object: { type: 'tender', id: tenderId },
        detail: { acted: acts.length + 1, quorum: tender.openingCommittee?.quorum },
      },
    };
  });
  return progress(updated);
}

/**
 * Once a quorum has acted: rebuilds the tender's private key from the released shares, checks it is
 * the key the bids were sealed to, opens every bid, and forgets the key and the shares. Idempotent:
 * the event it answers stays pending until it has finished, so a crash is followed by a retry.
 */
export async function completeCeremony(tenderId: string): Promise<'opened' | 'waiting' | 'skipped'> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  const released = (t?.openingActs ?? []).filter((a) => a.share);
  if (!t?.openingKey || !t.openingCommittee) return 'skipped';
  if (!released.length || (!t.opening && t.openingSuspension)) return 'skipped';
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
