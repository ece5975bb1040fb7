import type { Actor } from '../accounts/access.js';
import { forbidden } from '../errors.js';
import { listComplaints } from '../review/complaints.service.js';
import { vendorHome } from './vendor-home.js';
import { consortiumTasks, evaluationTasks, openingTasks } from './work-home.js';

// Where a person lands after signing in: what waits for them, by role. It reads every stage of the
// procedure through their published models and queries, so it comes after all of them.

/** What waits for the signed-in person: their own objects only, never another party's. */
export async function homeOf(actor: Actor, now = new Date()) {
  switch (actor.role) {
    case 'vendor':
      return { role: actor.role, vendor: await vendorHome(actor, now) };
    case 'evaluator':
      return { role: actor.role, evaluations: await evaluationTasks(actor, now) };
    case 'procurement-officer':
    case 'admin': {
      const [openings, evaluations] = await Promise.all([
        openingTasks(actor, now),
        evaluationTasks(actor, now),
      ]);
      return { role: actor.role, openings, evaluations };
    }
    case 'entity-representative':
      return { role: actor.role, consortia: await consortiumTasks(actor) };
    case 'review-body':
      return {
        role: actor.role,
        complaints: {
          undecided: (await listComplaints(actor, { status: 'open' }, { limit: 1, offset: 0 })).total,
        },
      };
    default:
      throw forbidden('Sign in to see your work.');
  }
}
