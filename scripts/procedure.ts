/**
 * The procedure, step by step, through the public HTTP API: what `npm run demo` narrates and what
 * the integration tests build their worlds with, written once. Each step checks the answer it
 * expects and throws with the problem details otherwise.
 */
import { callSteps } from './procedure/call-steps.js';
import type { Api, Inbox } from './procedure/client.js';
import { tenderSteps } from './procedure/tender-steps.js';

export {
  type Api,
  type Inbox,
  inboxOf,
  linkTokenIn,
  type Person,
  until,
  type Vote,
  waitUntil,
} from './procedure/client.js';

/** The steps of the procedure, over one API client and the inbox its people read. */
export function procedureSteps(api: Api, inbox: Inbox) {
  const steps = callSteps(api, inbox);
  return { ...steps, ...tenderSteps(api, steps) };
}
