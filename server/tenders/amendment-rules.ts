import { Types } from 'mongoose';
import { canonicalJson } from '../digest.js';
import { badRequest, conflict } from '../errors.js';
import { addDuration } from '../periods.js';
import type { FieldError } from '../validation.js';
import { liveLots, lotCancellation, type TenderRecord } from './tender.model.js';
import { tenderContent } from './tender-content.js';
import { contentErrors } from './tender-rules.js';

// What an amendment may change, and what the law then asks of the deadline (Directive 2014/24
// arts. 47(3), 53(2)): never shortened; after a significant change, at least the minimum period.

/** The tender's time limits: a change of these alone is a date extension, not significant. */
export const DATE_FIELDS = ['questionsDeadline', 'submissionDeadline', 'openingAt'] as const;

type Changes = Record<string, unknown>;

/** A changed field as the tender record stores it (instants as dates, the review body as an id). */
function recordValue(field: string, value: unknown): unknown {
  if ((DATE_FIELDS as readonly string[]).includes(field)) return new Date(value as string);
  if (field === 'reviewBodyId') return new Types.ObjectId(value as string);
  return value;
}

/** What the tender would be with the changes applied (the opening moved with the deadline). */
export function applyChanges(t: TenderRecord, changes: Changes): TenderRecord {
  const after = { ...t } as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) after[k] = recordValue(k, v);
  return after as unknown as TenderRecord;
}

/** An amendment's proposal, checked: the changes that differ, what they replace, and what they touch. */
export interface CheckedChange {
  changes: Changes;
  before: Changes;
  significant: boolean;
  lots: number[];
}

/** The lots a change touches: those whose entry changed, or every live lot for a change to the whole. */
function touchedLots(t: TenderRecord, after: TenderRecord, fields: string[], documents: boolean): number[] {
  const live = liveLots(t).map((l) => l.number);
  const whole =
    documents || fields.some((f) => f !== 'lots' && !(DATE_FIELDS as readonly string[]).includes(f));
  if (whole || !fields.includes('lots')) return live;
  const was = tenderContent(t).lots;
  return tenderContent(after)
    .lots.filter((l) => canonicalJson(l) !== canonicalJson(was.find((w) => w.number === l.number)))
    .map((l) => l.number);
}

/**
 * Checks a proposed change against the tender as it stands: the fields that really change, lots
 * kept (a lot is cancelled through its own door), the content rules of a draft, deadlines never
 * shortened, the opening moved with the deadline and, for a significant change, the minimum
 * period after it.
 */
export async function checkChange(
  t: TenderRecord,
  proposed: Changes,
  documents: string[],
  minPeriodAfterChange: string,
  now = new Date(),
): Promise<CheckedChange> {
  const changes: Changes = { ...proposed };
  const oldDeadline = new Date(t.submissionDeadline);
  if (changes.submissionDeadline && !changes.openingAt) {
    // The opening keeps its distance from the deadline.
    const shift = new Date(changes.submissionDeadline as string).getTime() - oldDeadline.getTime();
    changes.openingAt = new Date(new Date(t.openingAt).getTime() + shift).toISOString();
  }
  const was = tenderContent(t) as unknown as Changes;
  const after = applyChanges(t, changes);
  const now_ = tenderContent(after) as unknown as Changes;
  const fields = Object.keys(changes).filter((k) => canonicalJson(was[k]) !== canonicalJson(now_[k]));
  if (!fields.length && !documents.length)
    throw badRequest('The amendment changes nothing.', [
      { path: '/changes', message: 'must change at least one field, or publish a document' },
    ]);
  const errors: FieldError[] = await contentErrors(
    { ...(changes as object), award: after.award, lots: after.lots } as Parameters<typeof contentErrors>[0],
    '/changes',
  );
  for (const l of t.lots) {
    const kept = after.lots.find((x) => x.number === l.number);
    if (!kept)
      errors.push({
        path: '/changes/lots',
        message: `must keep lot ${l.number}; a lot is cancelled, not removed`,
      });
    else if (lotCancellation(t, l.number) && canonicalJson(kept) !== canonicalJson(l))
      errors.push({ path: '/changes/lots', message: `must not change lot ${l.number}: it is cancelled` });
  }
  if (after.questionsDeadline >= after.submissionDeadline)
    errors.push({ path: '/changes/questionsDeadline', message: 'must be before submissionDeadline' });
  if (after.openingAt < after.submissionDeadline)
    errors.push({ path: '/changes/openingAt', message: 'must not be before submissionDeadline' });
  if (errors.length) throw badRequest('The amendment is invalid.', errors);
  const shortened = (['questionsDeadline', 'submissionDeadline'] as const).filter(
    (k) => after[k] < new Date(t[k]),
  );
  if (shortened.length)
    throw conflict(
      'deadline-shortened',
      'A deadline is never shortened after publication.',
      shortened.map((k) => ({
        path: `/changes/${k}`,
        message: `must not be before ${new Date(t[k]).toISOString()}`,
      })),
    );
  const significant =
    documents.length > 0 || fields.some((f) => !(DATE_FIELDS as readonly string[]).includes(f));
  const earliest = addDuration(now, minPeriodAfterChange);
  if (significant && after.submissionDeadline < earliest)
    throw conflict(
      'period-after-change',
      `A significant change leaves at least ${minPeriodAfterChange} until the deadline: the earliest allowed deadline is ${earliest.toISOString()}.`,
      [{ path: '/changes/submissionDeadline', message: `must be ${earliest.toISOString()} or later` }],
    );
  return {
    changes: Object.fromEntries(fields.map((f) => [f, changes[f]])),
    before: Object.fromEntries(
      fields.map((f) => [f, was[f] instanceof Date ? (was[f] as Date).toISOString() : was[f]]),
    ),
    significant,
    lots: touchedLots(t, after, fields, documents.length > 0),
  };
}
