import { trusted } from 'mongoose';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { sha256 } from '../digest.js';
import { readSealedDocument } from '../documents/chunk-store.js';
import { domainEvent } from '../events.js';
import { seal } from '../keys/aead.js';
import { changeDocument } from '../revision.js';
import { openingSuspendedConflict } from '../tenders/opening-hold.js';
import { lotCancellation, type OpeningRecord, Tender, type TenderRecord } from '../tenders/tender.model.js';
import { openingDueAt } from '../tenders/time-limits.js';
import { Bid, type BidRecord, bindingOf } from './bid.model.js';
import { confirmationOf } from './bid-view.js';
import { keepLatestAnswers } from './espd-reuse.js';
import {
  associatedData,
  type BidBinding,
  type BidContent,
  type BidOpener,
  bidContent,
  bidDataKey,
  bidDigest,
  type Sealed,
} from './sealing.js';

/** What an opened bid keeps of its data key: sealed with the platform key, to serve its documents. */
export const documentKeyBinding = (b: BidRecord) => associatedData(bindingOf(b), 'documents');

/** Each listed document decrypted and hashed: true where it is the file the receipt names. */
async function verifyDocuments(
  sealed: Sealed,
  content: BidContent,
  dataKey: Buffer,
  binding: BidBinding,
): Promise<boolean[]> {
  const verified: boolean[] = [];
  for (const entry of content.documents ?? []) {
    const doc = sealed.documents?.find((d) => d.id === entry.id);
    try {
      const bytes = doc ? await readSealedDocument(doc, dataKey, associatedData(binding, doc.id)) : undefined;
      verified.push(bytes !== undefined && bytes.length === entry.size && sha256(bytes) === entry.sha256);
    } catch {
      verified.push(false);
    }
  }
  return verified;
}

/**
 * Decrypts one bid (its fields and every document) and checks it against its receipt digest; a
 * no-op once opened. Answers whether it verified, and how many documents it opened and found wrong.
 */
export async function openBid(
  bidId: string,
  opener: BidOpener,
): Promise<{ verified: boolean; badDocuments: number; documents: number }> {
  let badDocuments = 0;
  let documents = 0;
  const opened = await changeDocument<BidRecord>(Bid, bidId, 'The bid', async (b) => {
    if (b.opened || !b.sealed || b.status !== 'submitted') return { set: {} };
    const binding = bindingOf(b);
    const dataKey = bidDataKey(b.sealed, opener, binding);
    const content = bidContent(b.sealed, dataKey, binding);
    const checked = await verifyDocuments(b.sealed, content, dataKey, binding);
    badDocuments = checked.filter((ok) => !ok).length;
    documents = checked.length;
    const verified = bidDigest(content) === b.sha256 && badDocuments === 0;
    return {
      set: {
        opened: {
          ...content,
          documents: (content.documents ?? []).map((d, i) => ({ ...d, verified: checked[i] })),
          verified,
          openedAt: new Date(),
        },
        documentKey: seal(opener.platformKey, dataKey, documentKeyBinding(b)),
      },
    };
  });
  if (opened.opened) await keepLatestAnswers(opened);
  // The documents counted are those this call opened: a second pass counts none twice.
  return { verified: opened.opened?.verified !== false, badDocuments, documents };
}

/** Opens every submitted bid of the tender not opened yet; returns the ids that did not verify. */
async function openSubmittedBids(t: TenderRecord, opener: BidOpener) {
  const submitted = await Bid.find({ tenderId: t._id, status: 'submitted' }, { sealed: 0 }).lean<
    BidRecord[]
  >();
  // A lot cancelled before the opening keeps its bids sealed for ever; so does a bid its vendor did
  // not confirm after a change to its lot.
  const sealedForEver = submitted.filter((b) => !lotCancellation(t, b.lot)?.beforeOpening);
  const bids = sealedForEver.filter((b) => !confirmationOf(t, b).needsConfirmation);
  const unconfirmed = sealedForEver
    .filter((b) => confirmationOf(t, b).needsConfirmation)
    .map((b) => String(b._id));
  const mismatches: string[] = [];
  let documents = 0;
  let badDocuments = 0;
  for (const bid of bids) {
    const result = await openBid(String(bid._id), opener);
    if (!result.verified) mismatches.push(String(bid._id));
    documents += result.documents;
    badDocuments += result.badDocuments;
  }
  return { bids, mismatches, documents, badDocuments, unconfirmed };
}

/** Bids opened per lot; a lot cancelled before the opening is not opened, so not counted. */
const countsPerLot = (t: TenderRecord, bids: BidRecord[]) =>
  t.lots
    .filter((l) => !lotCancellation(t, l.number)?.beforeOpening)
    .map((l) => ({ lot: l.number, count: bids.filter((b) => b.lot === l.number).length }));

/** How a tender is being opened: by whom, and with which key. */
export interface Opening {
  opener: BidOpener;
  method: NonNullable<OpeningRecord['method']>;
  acts: { userId: string; at: Date }[];
}

/**
 * Opens a tender's bids once the opening is due: decrypts each, checks it against its receipt
 * digest, and records the opening. Then it looks again, so that a bid whose storing finished while
 * the first pass ran is opened too. Each step is idempotent, so a retried run finishes the work.
 */
export async function openTenderBids(tenderId: string, how: Opening): Promise<'opened' | 'skipped'> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (t?.status !== 'published' || new Date() < openingDueAt(t)) return 'skipped';
  if (!t.opening && t.openingSuspension) return 'skipped';
  const first = await openSubmittedBids(t, how.opener);
  const updated = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    if (tender.opening) return { set: {} };
    const suspended = openingSuspendedConflict(tender);
    if (suspended) throw suspended;
    const opening: OpeningRecord = {
      at: new Date(),
      bids: countsPerLot(tender, first.bids),
      mismatches: first.mismatches,
      unconfirmed: first.unconfirmed,
      method: how.method,
      acts: how.acts,
      documents: { count: first.documents, mismatches: first.badDocuments },
    };
    return { set: { opening }, effects: [domainEvent('tender.opened')] };
  });
  const second = await openSubmittedBids(updated, how.opener);
  const recorded = updated.opening as OpeningRecord;
  const mismatches = [...new Set([...recorded.mismatches, ...second.mismatches])];
  const counts = countsPerLot(updated, second.bids);
  if (
    JSON.stringify(counts) !== JSON.stringify(recorded.bids) ||
    mismatches.length !== recorded.mismatches.length ||
    second.documents > 0
  ) {
    await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
      const docs = tender.opening?.documents ?? { count: 0, mismatches: 0 };
      return {
        set: {
          opening: {
            ...tender.opening,
            bids: counts,
            mismatches,
            documents: {
              count: docs.count + second.documents,
              mismatches: docs.mismatches + second.badDocuments,
            },
          },
        },
      };
    });
  }
  if (!t.opening) {
    await recordAudit({
      actor: null,
      action: 'tender.opened',
      object: { type: 'tender', id: tenderId },
      detail: { bids: second.bids.length, mismatches, method: how.method },
    });
  }
  return t.opening ? 'skipped' : 'opened';
}

/** A tender from before the opening ceremony opens with the platform key when its time comes. */
const timedOpening = (): Opening => ({
  opener: { platformKey: context().config.bidEncryptionKey },
  method: 'timed',
  acts: [],
});

/**
 * The committee is told that the opening is due, once per opening time; the bids wait for their
 * quorum. (Nothing here could open them: the tender's private key exists in no store.)
 */
async function announceOpening(t: TenderRecord): Promise<'announced' | 'skipped'> {
  const due = openingDueAt(t);
  let announced = false;
  await changeDocument<TenderRecord>(Tender, String(t._id), 'The tender', (tender) => {
    const told =
      tender.openingAnnouncedFor && new Date(tender.openingAnnouncedFor).getTime() === due.getTime();
    if (tender.opening || told) return { set: {} };
    announced = true;
    return { set: { openingAnnouncedFor: due }, effects: [domainEvent('tender.opening-due')] };
  });
  return announced ? 'announced' : 'skipped';
}

/** The opening time has come: a ceremony tender's committee is told; an older tender opens by itself. */
export async function openingDue(tenderId: string): Promise<string> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (t?.status !== 'published' || new Date() < openingDueAt(t) || t.openingSuspension) return 'skipped';
  if (t.openingKey) return t.opening ? 'skipped' : announceOpening(t);
  return openTenderBids(tenderId, timedOpening());
}

/** Openings whose time has come but whose job was lost: announced, or (older tenders) opened. */
export async function openOverdueTenders(): Promise<number> {
  const due = await Tender.find(
    { status: 'published', opening: null, openingAt: trusted({ $lte: new Date() }) },
    {
      _id: 1,
      openingAt: 1,
      submissionDeadline: 1,
      openingKey: 1,
      openingAnnouncedFor: 1,
      openingSuspension: 1,
    },
  ).lean<TenderRecord[]>();
  const overdue = due.filter(
    (t) =>
      new Date() >= openingDueAt(t) &&
      !t.openingSuspension &&
      (!t.openingKey || new Date(t.openingAnnouncedFor ?? 0).getTime() !== openingDueAt(t).getTime()),
  );
  for (const t of overdue) await openingDue(String(t._id));
  return overdue.length;
}
