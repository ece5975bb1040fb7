import { onEffect } from '../effects/effects.js';
import { recordNotices } from '../notices/outbox.js';
import { Organisation } from './organisation.model.js';
import type { UserDoc } from './user.model.js';

/** A new user is told their account exists, in their language (never with the password). */
onEffect('User', 'welcome', async (user: UserDoc, e) => {
  const org = await Organisation.findById(user.organisationId).lean();
  await recordNotices([
    {
      key: `${e.id}:${user._id}`,
      template: 'account-created',
      recipient: {
        userId: String(user._id),
        organisationId: String(user.organisationId),
        name: user.name,
        email: user.email,
        language: user.language,
      },
      data: { email: user.email, role: user.role, organisationName: org?.name ?? '' },
      subject: String(user._id),
    },
  ]);
});
