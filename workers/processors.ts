import type { Job } from 'bullmq';
import { linkAuditChain } from '../server/audit/audit.service.js';
import { endStandstill } from '../server/awards/awards.service.js';
import { requestDue } from '../server/awards/bidder-requests.js';
import { openingDue } from '../server/bids/opening.js';
import { closeCall } from '../server/calls/calls.service.js';
import { closeAtDeadline } from '../server/consortia/resolution-deadline.js';
import { generateContract } from '../server/contracts/contract-generation.js';
import { drainEffects } from '../server/effects/effects.js';
import { reconcile } from '../server/maintenance/reconcile.js';
import { sendNotice } from '../server/notices/sending.js';
import { validateStoredNotice } from '../server/publication/eforms.service.js';
import { followNotice, submitNotice } from '../server/publication/ted.service.js';
import type { JobData, JobName } from '../server/queues.js';

type Processor<N extends JobName> = (data: JobData<N>, job: Job) => Promise<unknown>;

const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/** One processor per job: each calls the feature's use-case, nothing more. */
export const processors: { [N in JobName]: Processor<N> } = {
  'send-notice': (data, job) =>
    sendNotice(
      data.noticeId,
      Math.max(job.attemptsStarted, job.attemptsMade + 1),
      isLastAttempt(job),
      data.recorded,
    ),
  'drain-effects': (data) => drainEffects(data.model, data.id),
  'close-call': (data) => closeCall(data.callId),
  'close-resolution': (data) => closeAtDeadline(data.resolutionId),
  'open-tender': (data) => openingDue(data.tenderId),
  'end-standstill': (data) => endStandstill(data.tenderId, data.lot),
  'request-due': (data) => requestDue(data.requestId),
  'generate-contract': (data, job) => generateContract(data.contractId, isLastAttempt(job)),
  reconcile: () => reconcile(),
  'link-audit': () => linkAuditChain(),
  'validate-notice': (data) => validateStoredNotice(data.noticeKey),
  'submit-notice': (data) => submitNotice(data.noticeKey),
  'follow-notice': (data) => followNotice(data.noticeKey),
};
