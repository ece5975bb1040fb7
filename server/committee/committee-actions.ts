import type { Model } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import type { EvaluatorRecord } from '../calls/call.model.js';
import type { AppError } from '../errors.js';
import { changeDocument } from '../revision.js';
import { committeeView, withDeclaration, withEvaluator } from './committee.js';

/** A procedure with an evaluation committee: a call for expressions of interest, or a tender. */
export interface CommitteeProcedure<T extends { rev: number; evaluators: EvaluatorRecord[] }> {
  kind: 'call' | 'tender';
  // biome-ignore lint/suspicious/noExplicitAny: a call's or a tender's model
  model: Model<any>;
  what: string;
  /** Why the committee can no longer change (selection started, evaluation computed), if it cannot. */
  fixed(doc: T): AppError | undefined;
}

/** An officer assigns an evaluator to the procedure's committee; assigning twice changes nothing. */
export async function assignEvaluator<T extends { rev: number; evaluators: EvaluatorRecord[] }>(
  actor: Actor,
  p: CommitteeProcedure<T>,
  id: string,
  userId: string,
) {
  const doc = await changeDocument<T>(p.model, id, p.what, async (current) => {
    const fixed = p.fixed(current);
    if (fixed) throw fixed;
    return { set: { evaluators: await withEvaluator(current.evaluators, userId) } };
  });
  await recordAudit({
    actor,
    action: `${p.kind}.evaluator-assigned`,
    object: { type: p.kind, id },
    detail: { userId },
  });
  return { evaluators: committeeView(doc.evaluators) };
}

/** An assigned evaluator declares whether they have a conflict of interest (a conflict is final). */
export async function declareConflict<T extends { rev: number; evaluators: EvaluatorRecord[] }>(
  actor: Actor,
  p: CommitteeProcedure<T>,
  id: string,
  hasConflict: boolean,
  note?: string,
) {
  const doc = await changeDocument<T>(p.model, id, p.what, (current) => ({
    set: { evaluators: withDeclaration(current.evaluators, actor, hasConflict, note) },
  }));
  await recordAudit({
    actor,
    action: `${p.kind}.coi-declared`,
    object: { type: p.kind, id },
    detail: { conflict: hasConflict },
  });
  const mine = doc.evaluators.find((e) => String(e.userId) === actor.id);
  return { userId: actor.id, conflict: mine?.conflict ?? hasConflict, declaredAt: mine?.declaredAt };
}
