import { Organisation } from '../accounts/organisation.model.js';
import { notifyEach, procedureOf } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Consortium, type ConsortiumRecord } from './consortium.model.js';
import { Resolution, type ResolutionRecord } from './resolution.model.js';

const memberIds = (c: ConsortiumRecord) =>
  c.members.filter((m) => m.status === 'member').map((m) => String(m.organisationId));

/** The invited organisation's representatives hear of the invitation. */
export async function notifyInvitation(consortiumId: string, organisationId: string, eventId: string) {
  const c = await Consortium.findById(consortiumId).lean<ConsortiumRecord>();
  if (!c) return;
  const invitation = c.members.find((m) => String(m.organisationId) === organisationId);
  const coordinator = await Organisation.findById(c.coordinatorId).lean();
  const people = await peopleOf([organisationId], ['entity-representative']);
  await notifyEach(people, {
    key: eventId,
    template: 'consortium-invitation',
    subject: String(c._id),
    procedure: procedureOf('consortium', c),
    data: {
      consortiumName: c.name,
      consortiumId: String(c._id),
      organisationId,
      coordinatorName: coordinator?.name ?? '',
      contributionCents: invitation?.contributionCents ?? 0,
    },
  });
}

/** Members hear of a new resolution (`resolution-proposed`), and of its outcome (`resolution-decided`). */
export async function notifyResolution(
  resolutionId: string,
  eventId: string,
  template: 'resolution-proposed' | 'resolution-decided',
) {
  const r = await Resolution.findById(resolutionId).lean<ResolutionRecord>();
  const c = r && (await Consortium.findById(r.consortiumId).lean<ConsortiumRecord>());
  if (!r || !c) return; // gone: nothing to tell
  const people = await peopleOf(memberIds(c), ['entity-representative']);
  await notifyEach(people, {
    key: eventId,
    template,
    subject: String(c._id),
    procedure: procedureOf('consortium', c),
    data: {
      consortiumName: c.name,
      consortiumId: String(c._id),
      resolutionId: String(r._id),
      resolutionSubject: r.subject,
      resolutionText: r.text ?? '',
      approves: r.object ? `${r.object.reference} — ${r.object.title}` : null,
      votingDeadline: r.votingDeadline ? new Date(r.votingDeadline).toISOString() : null,
      closedAtDeadline: r.closedAtDeadline ?? false,
      outcome: r.outcome,
      passed: r.outcome === 'passed',
    },
  });
}
