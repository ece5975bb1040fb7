import { Organisation } from '../accounts/organisation.model.js';
import { onEffect } from '../effects/effects.js';
import { notifyEach } from '../notices/outbox.js';
import { peopleOf } from '../notices/recipients.js';
import { Consortium, type ConsortiumRecord } from './consortium.model.js';
import type { ResolutionRecord } from './resolution.model.js';

const memberIds = (c: ConsortiumRecord) =>
  c.members.filter((m) => m.status === 'member').map((m) => String(m.organisationId));

/** The invited organisation's representatives hear of the invitation. */
onEffect('Consortium', 'invited', async (c: ConsortiumRecord, e) => {
  const organisationId = String(e.args.organisationId);
  const invitation = c.members.find((m) => String(m.organisationId) === organisationId);
  const coordinator = await Organisation.findById(c.coordinatorId).lean();
  const people = await peopleOf([organisationId], ['entity-representative']);
  await notifyEach(people, {
    key: e.id,
    template: 'consortium-invitation',
    subject: String(c._id),
    data: {
      consortiumName: c.name,
      consortiumId: String(c._id),
      organisationId,
      coordinatorName: coordinator?.name ?? '',
      contributionCents: invitation?.contributionCents ?? 0,
    },
  });
});

async function notifyMembers(r: ResolutionRecord, key: string, template: string) {
  const c = await Consortium.findById(r.consortiumId).lean<ConsortiumRecord>();
  if (!c) return; // gone: nothing to tell
  const people = await peopleOf(memberIds(c), ['entity-representative']);
  await notifyEach(people, {
    key: key,
    template,
    subject: String(c._id),
    data: {
      consortiumName: c.name,
      consortiumId: String(c._id),
      resolutionId: String(r._id),
      resolutionSubject: r.subject,
      outcome: r.outcome,
      passed: r.outcome === 'passed',
    },
  });
}

/** Members hear of a new resolution, and of its outcome. */
onEffect('Resolution', 'proposed', (r: ResolutionRecord, e) => notifyMembers(r, e.id, 'resolution-proposed'));
onEffect('Resolution', 'decided', (r: ResolutionRecord, e) => notifyMembers(r, e.id, 'resolution-decided'));
