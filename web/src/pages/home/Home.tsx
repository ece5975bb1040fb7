import { RequireSignIn, useSession } from '../../session.js';
import { Consortia } from '../consortia/Consortia.js';
import { Desk } from '../officers/Desk.js';
import { ReviewQueue } from '../review/ReviewQueue.js';
import { EvaluatorHome } from './EvaluatorHome.js';
import { VendorHome } from './VendorHome.js';

/**
 * Where signing in lands: each role's own work. A vendor's bids and deadlines; an evaluator's
 * declarations and scoring; the officer's desk (with their openings and evaluations on top); a
 * representative's consortia (with the votes waiting on top); the review body's queue.
 */
export function Home() {
  return (
    <RequireSignIn>
      <RoleHome />
    </RequireSignIn>
  );
}

function RoleHome() {
  const { user } = useSession();
  switch (user?.role) {
    case 'vendor':
      return <VendorHome />;
    case 'evaluator':
      return <EvaluatorHome />;
    case 'procurement-officer':
    case 'admin':
      return <Desk />;
    case 'entity-representative':
      return <Consortia />;
    case 'review-body':
      return <ReviewQueue />;
    default:
      return null;
  }
}
