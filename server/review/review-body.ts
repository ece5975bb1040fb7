import type { Actor } from '../accounts/access.js';

export { reviewBodyOf } from '../tenders/review-body.js';

/** A member of the review body that hears this complaint. */
export const isReviewerOf = (actor: Actor, c: { reviewBodyId: unknown }) =>
  actor.role === 'review-body' && actor.organisationId === String(c.reviewBodyId);
