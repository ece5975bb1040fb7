import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { Call, type CallRecord } from '../calls/call.model.js';
import { context } from '../context.js';
import { AppError, conflict, notFound } from '../errors.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { xmlDocument } from '../xml.js';
import { awardNotice } from './award-notice.js';
import { ceiNotice } from './cei-notice.js';
import { contractNotice } from './contract-notice.js';
import { discardNotice, noticeKey, prepareNotice, releaseNotice } from './eforms.service.js';
import { awardNoticeFacts, ceiFacts, contractNoticeFacts } from './eforms-facts.js';
import { EformsNotice, type EformsNoticeRecord } from './eforms-notice.model.js';
import { stopAtTed, TedRefusal } from './ted-client.js';

// A notice corrected before TED publishes it (an organisation's details mended after TED refused
// it, a detail of the procedure put right): the same notice made again from the procedure as it
// stands, as its next version (`02`, `03`…), validated like the first; the version TED still holds
// is stopped there first, and the new one goes to TED in its place. A notice TED has published, or
// is publishing, is changed by a change notice instead.

/** A version TED has not published and is not publishing, so it can still be replaced. */
const correctable = ['valid', 'unvalidated', 'invalid', 'submitted', 'not-published', 'stopped'];

const nextVersion = (v: string) => String(Number(v) + 1).padStart(2, '0');

/** The notice's XML, made again for the next version from the call or tender as it stands. */
async function remade(latest: EformsNoticeRecord, ownerId: string, issuedAt: Date): Promise<string> {
  const procedureId = /<cbc:ContractFolderID>([^<]+)<\/cbc:ContractFolderID>/.exec(latest.xml)?.[1] ?? '';
  const header = { noticeId: latest.noticeId, version: nextVersion(latest.version), procedureId, issuedAt };
  if (latest.kind === 'cei') {
    const c = await Call.findById(ownerId).lean<CallRecord>();
    if (!c) throw notFound('The call');
    return xmlDocument(ceiNotice(await ceiFacts(c, header)));
  }
  const t = await Tender.findById(ownerId).lean<TenderRecord>();
  if (!t) throw notFound('The tender');
  if (latest.kind === 'contract') return xmlDocument(contractNotice(await contractNoticeFacts(t, header)));
  if (latest.kind === 'award') {
    const facts = await awardNoticeFacts(t, header);
    if (!facts)
      throw conflict('lots-undecided', 'A lot is still open: the award notice waits for every lot.');
    return xmlDocument(awardNotice(facts));
  }
  throw conflict(
    'not-correctable',
    'A change notice is not made again: the next change of the tender makes the next change notice.',
  );
}

/** An officer corrects a notice before TED publishes it; answers the new version. */
export async function correctNotice(
  actor: Actor,
  owner: string,
  ownerId: string,
  noticeId: string,
): Promise<EformsNoticeRecord> {
  const versions = await EformsNotice.find({ owner, noticeId, released: true })
    .sort({ version: 1 })
    .lean<EformsNoticeRecord[]>();
  const latest = versions.at(-1);
  if (!latest) throw notFound('The notice');
  if (!correctable.includes(latest.status))
    throw conflict(
      'notice-not-correctable',
      latest.status === 'validating'
        ? 'The notice is being checked; correct it once the check is done.'
        : `TED has the notice ${latest.status === 'published' ? 'published' : 'in publication'}: it is changed by a change notice now, not corrected.`,
    );
  const xml = await remade(latest, ownerId, new Date());
  // Valid first: a correction that breaks a rule is refused (422) and the old version stays as it is.
  const corrected = await prepareNotice({
    owner,
    kind: latest.kind,
    subtype: latest.subtype,
    changes: latest.changes,
    noticeId: latest.noticeId,
    version: nextVersion(latest.version),
    xml,
  });
  const { ted } = context().config;
  if (latest.status === 'submitted' && ted) {
    try {
      await stopAtTed(ted, latest._id);
    } catch (err) {
      await discardNotice(corrected._id);
      if (err instanceof TedRefusal)
        throw conflict(
          'notice-not-stoppable',
          `TED would not stop version ${latest.version}: ${err.reasons.join('; ')}. Once TED publishes it, a change notice changes it.`,
        );
      throw new AppError('ted-unavailable', 'TED did not answer; nothing was changed. Try again later.', 503);
    }
    await EformsNotice.updateOne({ _id: latest._id }, { $set: { status: 'stopped' } });
  }
  await releaseNotice(corrected._id);
  await recordAudit({
    actor,
    action: 'eforms.notice-corrected',
    object: { type: owner.split(':')[0] ?? 'notice', id: ownerId },
    detail: { notice: noticeKey(latest.noticeId, corrected.version), replaces: latest._id },
  });
  return (await EformsNotice.findById(corrected._id).lean<EformsNoticeRecord>()) ?? corrected;
}
