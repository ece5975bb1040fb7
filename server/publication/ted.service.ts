import { trusted } from 'mongoose';
import { context } from '../context.js';
import { logger } from '../logger.js';
import { EformsNotice, type EformsNoticeRecord, type NoticeStatus } from './eforms-notice.model.js';
import { submitToTed, TedRefusal, tedState, validateAtTed } from './ted-client.js';

// The worker's side of TED: a valid, released notice is checked once more by TED's validation
// service, submitted, then followed until TED publishes it or says why not. A refusal is final and
// recorded with TED's reasons; anything else is retried with backoff, and the reconciler picks up
// whatever a lost job left behind.

const settings = () => {
  const ted = context().config.ted;
  if (!ted) throw new Error('TED is not configured');
  return ted;
};

const setState = (key: string, set: Record<string, unknown>) =>
  EformsNotice.updateOne({ _id: key }, { $set: { ...set, 'ted.checkedAt': new Date() } });

/** Checks and submits a notice; answers its status afterwards. */
export async function submitNotice(key: string): Promise<NoticeStatus | 'gone'> {
  const notice = await EformsNotice.findById(key).lean<EformsNoticeRecord>();
  if (!notice) return 'gone';
  if (notice.status !== 'valid' || !notice.released) return notice.status;
  const ted = settings();
  try {
    const broken = await validateAtTed(ted, notice.xml);
    if (broken.length) {
      await setState(key, { status: 'not-published', 'ted.reasons': broken });
      return 'not-published';
    }
    await submitToTed(ted, key, notice.xml);
  } catch (err) {
    if (!(err instanceof TedRefusal)) throw err;
    await setState(key, { status: 'not-published', 'ted.reasons': err.reasons });
    return 'not-published';
  }
  await setState(key, { status: 'submitted', 'ted.submittedAt': new Date(), 'ted.reasons': [] });
  await followLater(key);
  logger.info({ notice: key }, 'notice submitted to TED');
  return 'submitted';
}

async function followLater(key: string): Promise<void> {
  const { queues, config } = context();
  await queues.addAfterWrite(
    'follow-notice',
    { noticeKey: key },
    { jobId: `follow-${key}-${Date.now()}`, delay: config.ted?.pollMs ?? 3600000 },
  );
}

const stateOf: Record<string, NoticeStatus> = {
  SUBMITTED: 'submitted',
  PUBLISHING: 'publishing',
  PUBLISHED: 'published',
  NOT_PUBLISHED: 'not-published',
  VALIDATION_FAILED: 'not-published',
  STOPPED: 'stopped',
};

/** Asks TED where a submitted notice stands; asks again later until it is published or refused. */
export async function followNotice(key: string): Promise<NoticeStatus | 'gone'> {
  const notice = await EformsNotice.findById(key).lean<EformsNoticeRecord>();
  if (!notice) return 'gone';
  if (notice.status !== 'submitted' && notice.status !== 'publishing') return notice.status;
  const state = await tedState(settings(), key);
  const status = stateOf[state.status] ?? notice.status;
  await setState(key, {
    status,
    'ted.reasons': state.reasons,
    ...(status === 'published'
      ? {
          publicationNumber: state.publicationNumber ?? null,
          publishedAt: state.publicationDate ? new Date(state.publicationDate) : new Date(),
        }
      : {}),
  });
  if (status === 'submitted' || status === 'publishing') await followLater(key);
  return status;
}

/** The reconciler's backstop: released valid notices never submitted, submitted ones not followed lately. */
export async function reconcileTedNotices(): Promise<number> {
  const { config, queues } = context();
  if (!config.ted) return 0;
  const stale = new Date(Date.now() - 2 * config.ted.pollMs);
  const pending = await EformsNotice.find(
    { released: true, status: trusted({ $in: ['valid', 'submitted', 'publishing'] }) },
    { status: 1, ted: 1 },
  ).lean<Pick<EformsNoticeRecord, '_id' | 'status' | 'ted'>[]>();
  let queued = 0;
  for (const n of pending) {
    if (n.status === 'valid') {
      await queues.add(
        'submit-notice',
        { noticeKey: n._id },
        { jobId: `submit-${n._id}`, replaceFailed: true },
      );
      queued++;
    } else if (!n.ted?.checkedAt || n.ted.checkedAt < stale) {
      await queues.add('follow-notice', { noticeKey: n._id }, { jobId: `follow-${n._id}-r${Date.now()}` });
      queued++;
    }
  }
  return queued;
}
