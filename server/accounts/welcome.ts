import { recordNotices } from '../notices/outbox.js';
import { listInDirectory } from './directory.js';
import { Organisation } from './organisation.model.js';
import { User } from './user.model.js';

/** A new user is told their account exists, in their language (never with the password). */
export async function welcomeNewUser(userId: string, eventId: string): Promise<void> {
  const user = await User.findById(userId).lean();
  if (!user) return; // gone: nobody to tell
  await listInDirectory(user); // once: a repeat changes nothing
  const org = await Organisation.findById(user.organisationId).lean();
  await recordNotices([
    {
      key: `${eventId}:${user._id}`,
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
}
