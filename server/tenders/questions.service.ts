import { Types } from 'mongoose';
import { type Actor, isOfficer } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { addDuration } from '../periods.js';
import { changeDocument } from '../revision.js';
import { extendDeadline } from './amendments.js';
import { Question, type QuestionRecord } from './question.model.js';
import type { TenderRecord } from './tender.model.js';
import { loadTender } from './tender-access.js';

/** A question as shown: vendors never learn who asked, except their own questions. */
function questionView(q: QuestionRecord, actor: Actor) {
  const mine = actor.role === 'vendor' && String(q.vendorId) === actor.organisationId;
  return {
    id: String(q._id),
    text: q.text,
    askedAt: q.createdAt,
    answer: q.answer ? { text: q.answer.text, at: q.answer.at } : null,
    ...(isOfficer(actor) ? { vendorId: String(q.vendorId) } : {}),
    ...(mine ? { mine: true } : {}),
  };
}

/** A vendor asks a clarification question before the questions deadline. */
export async function askQuestion(actor: Actor, tenderId: string, text: string) {
  const t = await loadTender(actor, tenderId);
  if (actor.role !== 'vendor') throw forbidden('Only vendors ask clarification questions.');
  if (t.status !== 'published') throw conflict('tender-not-open', `The tender is ${t.status}.`);
  if (new Date() >= t.questionsDeadline)
    throw conflict('questions-closed', 'The deadline for questions has passed.');
  const q = await Question.create({
    tenderId: t._id,
    vendorId: new Types.ObjectId(actor.organisationId),
    askedBy: new Types.ObjectId(actor.id),
    text,
  });
  await recordAudit({
    actor,
    action: 'question.asked',
    object: { type: 'question', id: String(q._id) },
    detail: { tenderId },
  });
  return questionView(q.toObject() as unknown as QuestionRecord, actor);
}

/**
 * An answer to a question asked in time that comes less than `MIN_ANSWER_LEAD` before the deadline
 * must move the deadline (art. 53(2)): it carries a `submissionDeadline` at least that long after
 * it, or is refused naming the earliest.
 */
function requireAnswerLead(t: TenderRecord, q: QuestionRecord, submissionDeadline: string | undefined): void {
  const lead = context().config.minAnswerLead;
  const now = new Date();
  const earliest = addDuration(now, lead);
  const late = t.status === 'published' && !t.opening && q.createdAt < t.questionsDeadline;
  if (!late || earliest <= new Date(t.submissionDeadline)) return;
  if (!submissionDeadline || new Date(submissionDeadline) < earliest)
    throw conflict(
      'answer-too-late',
      `An answer less than ${lead} before the deadline extends it: the earliest deadline with this answer is ${earliest.toISOString()}.`,
      [{ path: '/submissionDeadline', message: `must be given, ${earliest.toISOString()} or later` }],
    );
}

/** An officer answers; the answer goes to every interested vendor without naming the asker. */
export async function answerQuestion(
  actor: Actor,
  tenderId: string,
  questionId: string,
  text: string,
  submissionDeadline?: string,
) {
  if (!isOfficer(actor)) throw forbidden();
  const t = await loadTender(actor, tenderId);
  const q0 = await Question.findById(questionId).lean<QuestionRecord>();
  if (!q0 || String(q0.tenderId) !== String(t._id)) throw notFound('The question');
  if (q0.answer) throw conflict('already-answered', 'The question is already answered.');
  requireAnswerLead(t, q0, submissionDeadline);
  // The later deadline is published first, as a date-only amendment (`update-add`).
  if (submissionDeadline)
    await extendDeadline(
      actor,
      tenderId,
      submissionDeadline,
      `Additional information: ${text.slice(0, 1500)}`,
    );
  const q = await changeDocument<QuestionRecord>(Question, questionId, 'The question', (current) => {
    if (current.answer) throw conflict('already-answered', 'The question is already answered.');
    return {
      set: { answer: { text, at: new Date(), by: actor.id } },
      effects: [domainEvent('tender.question-answered')],
    };
  });
  await recordAudit({ actor, action: 'question.answered', object: { type: 'question', id: questionId } });
  return questionView(q, actor);
}

/** Officers see every question; vendors see the answered ones and their own. */
export async function listQuestions(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  const all = await Question.find({ tenderId: t._id }).sort({ createdAt: 1 }).lean<QuestionRecord[]>();
  const visible = isOfficer(actor)
    ? all
    : all.filter((q) => q.answer || (actor.role === 'vendor' && String(q.vendorId) === actor.organisationId));
  return { items: visible.map((q) => questionView(q, actor)), total: visible.length };
}
