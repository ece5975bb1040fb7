import { Organisation } from '../accounts/organisation.model.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Call, type CallRecord } from './call.model.js';

/** Every representative of every hosting entity hears of a published call, in their language. */
export async function notifyCallPublished(callId: string, eventId: string): Promise<void> {
  const c = await Call.findById(callId).lean<CallRecord>();
  if (!c) return;
  const entities = await Organisation.find({ kind: 'hosting-entity' }, { _id: 1 }).lean();
  const people = await peopleOf(
    entities.map((o) => String(o._id)),
    ['entity-representative'],
  );
  await notifyEach(people, {
    key: eventId,
    template: 'call-published',
    subject: String(c._id),
    procedure: procedureOf('call', c),
    data: {
      callId: String(c._id),
      reference: c.reference,
      title: c.title,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      budgetCents: c.budgetCents,
      cofundingRate: c.cofundingRate,
      minMemberStates: c.minMemberStates,
    },
  });
}
