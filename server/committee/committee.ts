import { Types } from 'mongoose';
import type { Actor } from '../accounts/access.js';
import { User } from '../accounts/user.model.js';
import type { EvaluatorRecord } from '../calls/call.model.js';
import { badRequest, conflict, forbidden } from '../errors.js';
import type { FieldError } from '../validation.js';

/** The evaluators with an officer's new assignment; assigning twice changes nothing. */
export async function withEvaluator(
  evaluators: EvaluatorRecord[],
  userId: string,
): Promise<EvaluatorRecord[]> {
  const user = await User.findById(userId).lean();
  if (user?.role !== 'evaluator') {
    throw badRequest('Only users with the evaluator role sit on a committee.', [
      { path: '/userId', message: 'is not an evaluator' },
    ]);
  }
  if (evaluators.some((e) => String(e.userId) === userId)) return evaluators;
  return [
    ...evaluators,
    {
      userId: new Types.ObjectId(userId),
      assignedAt: new Date(),
      conflict: null,
      note: null,
      declaredAt: null,
    },
  ];
}

/**
 * The evaluators with the actor's declaration of (absence of) conflict of interest. A declaration of
 * no conflict can later become a conflict (one discovered while evaluating); never the reverse.
 */
export function withDeclaration(
  evaluators: EvaluatorRecord[],
  actor: Actor,
  hasConflict: boolean,
  note?: string,
): EvaluatorRecord[] {
  const mine = evaluators.find((e) => String(e.userId) === actor.id);
  if (!mine) throw forbidden('Only an assigned evaluator declares conflicts of interest here.');
  if (mine.declaredAt && (mine.conflict || !hasConflict))
    throw conflict(
      'already-declared',
      mine.conflict
        ? 'You declared a conflict of interest; it cannot be withdrawn.'
        : 'Your declaration of no conflict is recorded; only a conflict discovered since can be added.',
    );
  return evaluators.map((e) =>
    e === mine ? { ...e, conflict: hasConflict, note: note ?? null, declaredAt: new Date() } : e,
  );
}

/** Why the actor may not see or score what the committee evaluates, or undefined when they may. */
export function evaluatorBarrier(evaluators: EvaluatorRecord[], actor: Actor): string | undefined {
  const mine = evaluators.find((e) => String(e.userId) === actor.id);
  if (!mine) return 'You are not an evaluator of this procedure.';
  if (!mine.declaredAt) return 'Declare the absence of a conflict of interest first.';
  if (mine.conflict) return 'You declared a conflict of interest and cannot evaluate.';
  return undefined;
}

/** The scores that count: those of evaluators who declared no conflict (a later conflict voids theirs). */
export function cleanScores<S extends { evaluatorId: unknown }>(
  evaluators: EvaluatorRecord[],
  scores: S[],
): S[] {
  const clean = new Set(evaluators.filter((e) => e.declaredAt && !e.conflict).map((e) => String(e.userId)));
  return scores.filter((s) => clean.has(String(s.evaluatorId)));
}

/** Throws 403 unless the actor is an assigned evaluator with a clean declaration. */
export function requireCleanEvaluator(evaluators: EvaluatorRecord[], actor: Actor): void {
  const barrier = evaluatorBarrier(evaluators, actor);
  if (barrier) throw forbidden(barrier);
}

/** The committee as officers see it; a tender's evaluators also sign their scores off. */
export const committeeView = (evaluators: EvaluatorRecord[], signOff = false) =>
  evaluators.map((e) => ({
    userId: String(e.userId),
    assignedAt: e.assignedAt,
    declared: e.declaredAt !== null,
    conflict: e.conflict,
    declaredAt: e.declaredAt,
    ...(signOff ? { scoresFinalAt: e.scoresFinalAt ?? null } : {}),
  }));

/** Criteria checks JSON Schema cannot express: unique keys and thresholds within the maximum score. */
export function criteriaErrors(
  criteria: { key: string; maxScore: number; threshold: number }[],
  at: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (seen.has(c.key)) errors.push({ path: `${at}/${i}/key`, message: 'is used by another criterion' });
    seen.add(c.key);
    if (c.threshold > c.maxScore)
      errors.push({ path: `${at}/${i}/threshold`, message: `must not exceed maxScore (${c.maxScore})` });
  });
  return errors;
}
