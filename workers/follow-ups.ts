// The composition root of follow-up work: which use-case answers each domain event, which loader
// each attachment kind, and which repairs the reconciler runs. Read it to follow a state change to
// what happens next ("who is told of an award?": `tender.awarded` → notifyAwardDecision).

import { notifyAccount, welcomeNewUser } from '../server/accounts/welcome.js';
import { notifyAwardDecision } from '../server/awards/awards.notices.js';
import { followRequest } from '../server/awards/requests.notices.js';
import { notifyOpeningDue, notifyTenderOpened, sendBidReceipt } from '../server/bids/bids.notices.js';
import { completeCeremony } from '../server/bids/ceremony.js';
import { openOverdueTenders } from '../server/bids/opening.js';
import { notifyCallPublished } from '../server/calls/calls.notices.js';
import { closeOverdueCalls } from '../server/calls/calls.service.js';
import { notifyInvitation, notifyResolution } from '../server/consortia/consortia.notices.js';
import { closeOverdueResolutions } from '../server/consortia/resolution-deadline.js';
import { deliverContract, requeueStuckContracts } from '../server/contracts/contracts.notices.js';
import { removeAbandonedUploads } from '../server/documents/chunk-store.js';
import { documentAttachment } from '../server/documents/documents.service.js';
import { decisionLetter } from '../server/documents/letters.js';
import { useEventHandlers } from '../server/effects/effects.js';
import { computeTenderEvaluation } from '../server/evaluation/evaluation.service.js';
import type { EventHandlers } from '../server/events.js';
import { checkExpressionEligibility } from '../server/expressions/eligibility.service.js';
import { notifyConsortiumOfExpression } from '../server/expressions/expressions.notices.js';
import { runSelection } from '../server/expressions/selection.service.js';
import { onReconcile } from '../server/maintenance/reconcile.js';
import { onAttachment } from '../server/notices/attachments.js';
import { releaseNotice } from '../server/publication/eforms.service.js';
import { procedureNotices } from '../server/publication/procedure-notices.js';
import { reconcileTedNotices } from '../server/publication/ted.service.js';
import { usePublishing } from '../server/publishing.js';
import { decisionAttachment } from '../server/review/decision-letter.js';
import { followComplaint } from '../server/review/review.notices.js';
import {
  notifyLotCancelled,
  notifyOpeningSecret,
  notifyQuestionAnswered,
  notifyTenderAmended,
  notifyTenderCancelled,
  notifyTenderPublished,
} from '../server/tenders/tenders.notices.js';

/** One handler per domain event, each a one-line adapter to its use-case. */
export const eventHandlers: EventHandlers = {
  'account.created': (e) => welcomeNewUser(e.subjectId),
  'account.notice': (e) => notifyAccount(e.subjectId, e.payload, e.eventId),
  'tender.opening-secret-set': (e) => notifyOpeningSecret(e.subjectId, e.payload, e.eventId),
  'consortium.invited': (e) => notifyInvitation(e.subjectId, e.payload.organisationId, e.eventId),
  'resolution.proposed': (e) => notifyResolution(e.subjectId, e.eventId, 'resolution-proposed'),
  'resolution.decided': (e) => notifyResolution(e.subjectId, e.eventId, 'resolution-decided'),
  'call.published': (e) => notifyCallPublished(e.subjectId, e.eventId),
  'call.selection-requested': (e) => runSelection(e.subjectId),
  'expression.submitted': (e) => checkExpressionEligibility(e.subjectId),
  'expression.eligibility-checked': (e) =>
    notifyConsortiumOfExpression(e.subjectId, e.eventId, 'expression-eligibility'),
  'expression.selection-decided': (e) =>
    notifyConsortiumOfExpression(e.subjectId, e.eventId, 'selection-outcome'),
  'tender.published': (e) => notifyTenderPublished(e.subjectId, e.eventId),
  'tender.question-answered': (e) => notifyQuestionAnswered(e.subjectId, e.eventId),
  'tender.cancelled': (e) => notifyTenderCancelled(e.subjectId, e.eventId),
  'tender.lot-cancelled': (e) => notifyLotCancelled(e.subjectId, e.payload.lot, e.eventId),
  'tender.amended': (e) => notifyTenderAmended(e.subjectId, e.payload.amendmentId, e.eventId),
  'bid.received': (e) => sendBidReceipt(e.subjectId, e.payload, e.eventId),
  'tender.opening-due': (e) => notifyOpeningDue(e.subjectId, e.eventId),
  'tender.quorum-reached': (e) => completeCeremony(e.subjectId).then(() => undefined),
  'tender.opened': (e) => notifyTenderOpened(e.subjectId, e.eventId),
  'tender.evaluation-requested': (e) => computeTenderEvaluation(e.subjectId),
  'tender.awarded': (e) => notifyAwardDecision(e.subjectId, e.payload.lot, e.eventId),
  'complaint.changed': (e) => followComplaint(e.subjectId, e.payload.step, e.eventId),
  'request.changed': (e) => followRequest(e.subjectId, e.payload.step, e.eventId),
  'contract.ready': (e) => deliverContract(e.subjectId, e.eventId),
  'tender.contract-recorded': (e) => procedureNotices.tenderDecided(e.subjectId),
  'eforms.notice-released': (e) => releaseNotice(e.payload.noticeKey),
};

let composed = false;

/** Registers the handlers, loaders and repairs once per process; the worker entry calls it at start. */
export function composeFollowUps(): void {
  if (composed) return;
  useEventHandlers(eventHandlers);
  usePublishing(procedureNotices);
  onAttachment('letter', decisionLetter);
  onAttachment('document', documentAttachment);
  onAttachment('complaint-decision', decisionAttachment);
  onReconcile('overdue-calls', closeOverdueCalls);
  onReconcile('overdue-resolutions', closeOverdueResolutions);
  onReconcile('overdue-openings', openOverdueTenders);
  onReconcile('abandoned-uploads', removeAbandonedUploads);
  onReconcile('contracts', requeueStuckContracts);
  onReconcile('ted-notices', reconcileTedNotices);
  composed = true;
}
