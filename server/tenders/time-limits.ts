import { context } from '../context.js';
import { addDuration, isAtLeast } from '../periods.js';
import type { FieldError } from '../validation.js';
import type { TenderRecord } from './tender.model.js';

// A tender's time limits: the legal minimum periods, and when its bids may be opened.

/** The tender's time limits against the legal minimums, counted from `from` (publication). */
export function periodErrors(
  input: {
    questionsDeadline: string;
    submissionDeadline: string;
    openingAt?: string;
    standstillPeriod?: string;
  },
  from: Date,
): FieldError[] {
  const { config } = context();
  const errors: FieldError[] = [];
  const questions = new Date(input.questionsDeadline);
  const submission = new Date(input.submissionDeadline);
  if (questions >= submission)
    errors.push({ path: '/questionsDeadline', message: 'must be before submissionDeadline' });
  if (submission < addDuration(from, config.minTenderPeriod)) {
    errors.push({
      path: '/submissionDeadline',
      message: `must be at least ${config.minTenderPeriod} after publication`,
    });
  }
  if (input.openingAt && new Date(input.openingAt) < submission)
    errors.push({ path: '/openingAt', message: 'must not be before submissionDeadline' });
  if (input.standstillPeriod)
    errors.push(...standstillErrors(input.standstillPeriod, config.minStandstillPeriod));
  return errors;
}

/**
 * A standstill of at least the legal minimum, counted in days as notices state it; hours and
 * seconds only where the minimum itself is set below a day (tests and demos).
 */
export function standstillErrors(period: string, minimum: string): FieldError[] {
  if (!isAtLeast(period, minimum))
    return [{ path: '/standstillPeriod', message: `must be at least ${minimum}` }];
  const days = /^P\d+D$/;
  if (days.test(minimum) && !days.test(period))
    return [{ path: '/standstillPeriod', message: 'must be a whole number of days (P10D)' }];
  return [];
}

/**
 * When a tender's bids may be opened: its `openingAt`, but never before the submission deadline
 * plus the settle margin, whatever the stored opening time says. The margin lets a submission
 * accepted just before the deadline finish being stored before the bids are listed.
 */
export function openingDueAt(t: Pick<TenderRecord, 'openingAt' | 'submissionDeadline'>): Date {
  const settled = new Date(t.submissionDeadline).getTime() + context().config.bidSettleMs;
  return new Date(Math.max(new Date(t.openingAt).getTime(), settled));
}

/** A delayed job opens the bids when the opening is due; the reconciler is the backstop. */
export async function scheduleOpening(t: TenderRecord): Promise<void> {
  const due = openingDueAt(t).getTime();
  await context().queues.addAfterWrite(
    'open-tender',
    { tenderId: String(t._id) },
    { jobId: `open-tender-${t._id}-${due}`, delay: Math.max(0, due - Date.now()) },
  );
}
