import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../calls/call.model.js';
import { conflict } from '../errors.js';
import { logger } from '../logger.js';
import type { Publishing } from '../publishing.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { xmlDocument } from '../xml.js';
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

// Which notice each procedure step publishes (see `server/publishing.ts` for the order of things:
// the notice is made and validated first, the step is stored with the event that releases it,
// then it goes on the board; a notice that breaks a rule stops the step, a step refused for its
// own reasons leaves no notice behind).

export const callOwner = (id: string) => `call:${id}`;
export const tenderOwner = (id: string) => `tender:${id}`;

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
  if (!t?.procedureId || !t.publishedAt) {
    if (opts.afterTheFact) return undefined;
    // A draft, or a tender published before the platform made notices: it has no notice to follow.
    throw conflict(
      'no-notices',
      'This tender has no published contract notice for an award notice to follow.',
    );
  }
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

/** The notices of the procedure's steps, as the earlier stages ask for them (`server/publishing.ts`). */
export const procedureNotices: Publishing = {
  callNotice: async (call) => ({ key: (await ceiFor(call as CallRecord))._id }),
  tenderNotice: async (tender, procedureId) => ({
    key: (await contractNoticeFor({ ...(tender as TenderRecord), procedureId }))._id,
  }),
  changeNotice: async (tender, change) => {
    const notice = await changeNoticeFor(tender as TenderRecord, change);
    return notice && { key: notice._id };
  },
  tenderDecided: (tenderId) => publishAwardNotice(tenderId, { afterTheFact: true }),
  release: releaseNotice,
  discard: discardNotice,
};
