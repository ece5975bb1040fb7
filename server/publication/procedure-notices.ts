import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../calls/call.model.js';
import { conflict } from '../errors.js';
import { domainEvent, type PendingEffect } from '../events.js';
import { logger } from '../logger.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { awardNotice } from './award-notice.js';
import { ceiNotice } from './cei-notice.js';
import { contractNotice } from './contract-notice.js';
import {
  discardNotice,
  latestOfChain,
  noticeKey,
  noticesOf,
  prepareNotice,
  releaseNotice,
} from './eforms.service.js';
import { awardNoticeFacts, ceiFacts, contractNoticeFacts, newHeader } from './eforms-facts.js';
import type { EformsNoticeRecord } from './eforms-notice.model.js';
import { xmlDocument } from './xml.js';

// Which notice each procedure step publishes, and the order of things: the notice is generated
// and validated first, the step is stored with the event that releases the notice, then the
// notice goes on the board. A notice that breaks a rule stops the step; a step refused for its
// own reasons leaves no notice behind.

export const callOwner = (id: string) => `call:${id}`;
export const tenderOwner = (id: string) => `tender:${id}`;

/** Runs a procedure step with the notice it publishes (if any): the step carries the notice's release. */
export async function withNotice<T>(
  notice: EformsNoticeRecord | undefined,
  step: (effects: PendingEffect[]) => Promise<T>,
): Promise<T> {
  const effects = notice ? [domainEvent('eforms.notice-released', { noticeKey: notice._id })] : [];
  let result: T;
  try {
    result = await step(effects);
  } catch (err) {
    if (notice) await discardNotice(notice._id);
    throw err;
  }
  // At once for the board; the step's event does it again (idempotently) should this be lost.
  if (notice)
    await releaseNotice(notice._id).catch((err) =>
      logger.warn({ err, notice: notice._id }, 'release deferred'),
    );
  return result;
}

/** The call for expressions of interest of a call about to be published. */
export async function ceiFor(c: CallRecord): Promise<EformsNoticeRecord> {
  const header = newHeader(randomUUID());
  const xml = xmlDocument(ceiNotice(await ceiFacts(c, header)));
  return prepareNotice({
    owner: callOwner(String(c._id)),
    kind: 'cei',
    subtype: 'CEI',
    changes: null,
    ...header,
    xml,
  });
}

/** The contract notice of a tender about to be published. */
export async function contractNoticeFor(
  t: TenderRecord & { procedureId: string },
): Promise<EformsNoticeRecord> {
  const header = newHeader(t.procedureId);
  const xml = xmlDocument(contractNotice(await contractNoticeFacts(t, header)));
  return prepareNotice({
    owner: tenderOwner(String(t._id)),
    kind: 'contract',
    subtype: '16',
    changes: null,
    ...header,
    xml,
  });
}

/**
 * The change notice of a change to a published tender (a cancellation, an amendment): the tender
 * as it will stand, pointing to the latest notice of its chain, with the reason and the lots touched.
 */
export async function changeNoticeFor(
  t: TenderRecord,
  change: { reason: string; description: string; lots: number[]; documentsChangedAt?: Date },
): Promise<EformsNoticeRecord | undefined> {
  const previous = await latestOfChain(tenderOwner(String(t._id)));
  if (!previous || !t.procedureId) return undefined;
  const header = newHeader(t.procedureId);
  const changes = noticeKey(previous.noticeId, previous.version);
  const xml = xmlDocument(
    contractNotice({ ...(await contractNoticeFacts(t, header)), change: { changes, ...change } }),
  );
  return prepareNotice({
    owner: tenderOwner(String(t._id)),
    kind: 'change',
    subtype: '16',
    changes,
    ...header,
    xml,
  });
}

/**
 * The contract award notice of a tender whose every lot is decided. `afterTheFact`: made by the
 * platform once the last contract is recorded, where a failed rule cannot stop what is done — the
 * notice is then kept as `invalid` with its report, for the officer to fix and publish again.
 */
export async function publishAwardNotice(
  tenderId: string,
  opts: { afterTheFact?: boolean } = {},
): Promise<EformsNoticeRecord | undefined> {
  const t = await Tender.findById(tenderId).lean<TenderRecord>();
  if (!t?.procedureId || !t.publishedAt) return undefined;
  const published = await noticesOf(tenderOwner(tenderId));
  if (published.some((n) => n.kind === 'award' && n.status !== 'invalid')) {
    if (opts.afterTheFact) return undefined;
    throw conflict(
      'award-notice-published',
      'The contract award notice of this tender is already published.',
    );
  }
  const header = newHeader(t.procedureId);
  const facts = await awardNoticeFacts(t, header);
  if (!facts) {
    if (opts.afterTheFact) return undefined;
    throw conflict(
      'lots-undecided',
      'A lot is still open: every lot needs its contract, or no tender, first.',
    );
  }
  const xml = xmlDocument(awardNotice(facts));
  const notice = {
    owner: tenderOwner(tenderId),
    kind: 'award' as const,
    subtype: '29',
    changes: null,
    ...header,
    xml,
  };
  const prepared = await prepareNotice(notice, { keepInvalid: opts.afterTheFact });
  if (prepared.status === 'invalid')
    logger.warn(
      { tenderId, notice: prepared._id },
      'the award notice breaks eForms rules; kept for the officers',
    );
  else await releaseNotice(prepared._id);
  return prepared;
}
