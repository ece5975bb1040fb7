import { randomUUID } from 'node:crypto';

/**
 * Every domain event that has follow-up work, with its payload: the one map a reader follows from
 * a state change to what happens next (its handler is named in `workers/follow-ups.ts`). An event
 * is stored in the changed document's `pendingEffects`, in the same write as the change, under its
 * name: add events, never rename one (an event stored under the old name would find no handler).
 */
export interface DomainEvents {
  'account.created': Record<string, never>;
  /**
   * An e-mail about the account's credentials. A one-time link is named by its nonce only: the
   * link itself is made as the e-mail is sent (see `accounts/credential-links.ts`).
   */
  'account.notice': {
    template: AccountTemplate;
    link?: { purpose: 'invitation' | 'reset' | 'email'; nonce: string };
    /** Another address than the account's (a new address to confirm, the old one to tell). */
    to?: string;
    /** A reset that the administrator required. */
    forced?: boolean;
  };
  /** A member of the opening committee set their secret, or asked to change it (`confirm`). */
  'tender.opening-secret-set': { userId: string; changed: boolean; confirm?: { nonce: string } };
  'consortium.invited': { organisationId: string };
  'resolution.proposed': Record<string, never>;
  'resolution.decided': Record<string, never>;
  'call.published': Record<string, never>;
  'call.selection-requested': Record<string, never>;
  'expression.submitted': Record<string, never>;
  'expression.eligibility-checked': Record<string, never>;
  'expression.selection-decided': Record<string, never>;
  'tender.published': Record<string, never>;
  'tender.question-answered': Record<string, never>;
  'tender.cancelled': Record<string, never>;
  /** One lot is cancelled; the others go on. */
  'tender.lot-cancelled': { lot: number };
  'tender.amended': { amendmentId: string };
  /** What the vendor's receipt shows, as it was when received (a later replacement has its own). */
  'bid.received': {
    userId: string;
    tenderId: string;
    vendorId: string;
    lot: number;
    receivedAt: string;
    sha256: string;
    action: 'submitted' | 'replaced';
  };
  /** The opening time has come: the opening committee is told to act. */
  'tender.opening-due': Record<string, never>;
  /** A quorum of the opening committee has acted: the bids are to be opened. */
  'tender.quorum-reached': Record<string, never>;
  'tender.opened': Record<string, never>;
  'tender.evaluation-requested': Record<string, never>;
  'tender.awarded': { lot: number };
  /** A complaint moved a step (lodged, accepted, refused, decided, withdrawn): its parties are told. */
  'complaint.changed': { step: 'submitted' | 'accepted' | 'refused' | 'upheld' | 'dismissed' | 'withdrawn' };
  /** A request to a bidder moved a step (asked, answered, accepted, refused, expired): its parties are told. */
  'request.changed': { step: 'asked' | 'answered' | 'accepted' | 'refused' | 'expired' };
  'contract.ready': Record<string, never>;
  /** A lot's contract is recorded: once every lot is decided, the contract award notice is due. */
  'tender.contract-recorded': Record<string, never>;
  /** The procedure step an eForms notice was made for is stored: the notice goes on the board (and to TED). */
  'eforms.notice-released': { noticeKey: string };
}

export type EventName = keyof DomainEvents;

/** The e-mails about a person's own credentials. */
export type AccountTemplate =
  | 'account-invitation'
  | 'password-reset'
  | 'password-changed'
  | 'email-confirm'
  | 'email-changed';

/** The event names at run time, for the start-up check that each has exactly one handler. */
export const eventNames = [
  'account.created',
  'account.notice',
  'tender.opening-secret-set',
  'consortium.invited',
  'resolution.proposed',
  'resolution.decided',
  'call.published',
  'call.selection-requested',
  'expression.submitted',
  'expression.eligibility-checked',
  'expression.selection-decided',
  'tender.published',
  'tender.question-answered',
  'tender.cancelled',
  'tender.lot-cancelled',
  'tender.amended',
  'bid.received',
  'tender.opening-due',
  'tender.quorum-reached',
  'tender.opened',
  'tender.evaluation-requested',
  'tender.awarded',
  'complaint.changed',
  'request.changed',
  'contract.ready',
  'tender.contract-recorded',
  'eforms.notice-released',
] as const satisfies readonly EventName[];

// A name missing from the list above is a type error here.
type Listed = (typeof eventNames)[number];
const everyNameListed: [EventName] extends [Listed] ? true : never = true;
void everyNameListed;

/** An event as stored in a document, waiting for its handler. */
export interface PendingEffect {
  id: string;
  kind: string;
  args: Record<string, unknown>;
  at: Date;
}

/** What a handler is told: the document the event happened to, the payload, and the event's own id. */
export interface EventOf<N extends EventName> {
  /** The id of the document whose change raised the event (a tender, a bid, a user…). */
  subjectId: string;
  payload: DomainEvents[N];
  /** Unique per event: the key that makes its notices idempotent. */
  eventId: string;
}

/** One handler per event: a one-line adapter to a named use-case. */
export type EventHandlers = { [N in EventName]: (event: EventOf<N>) => Promise<unknown> };

/** A new event, to be written with the state change that raises it. */
export function domainEvent<N extends EventName>(
  name: N,
  ...payload: DomainEvents[N] extends Record<string, never> ? [] : [DomainEvents[N]]
): PendingEffect {
  return {
    id: randomUUID(),
    kind: name,
    args: (payload[0] ?? {}) as Record<string, unknown>,
    at: new Date(),
  };
}

/** Throws unless every event name has exactly one handler, and every handler an event. */
export function checkEventHandlers(handlers: Record<string, unknown>): void {
  const names: readonly string[] = eventNames;
  const missing = names.filter((n) => typeof handlers[n] !== 'function');
  const extra = Object.keys(handlers).filter((n) => !names.includes(n));
  if (missing.length || extra.length) {
    throw new Error(
      `Event handlers out of step: missing ${missing.join(', ') || '-'}, unknown ${extra.join(', ') || '-'}`,
    );
  }
}
