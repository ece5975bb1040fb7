import type { DomainEvents } from '../events.js';
import { recordNotices } from '../notices/outbox.js';
import { listInDirectory } from './directory.js';
import { Organisation } from './organisation.model.js';
import { User } from './user.model.js';

/** A new account is listed for its organisation's notices (once: a repeat changes nothing). */
export async function welcomeNewUser(userId: string): Promise<void> {
  const user = await User.findById(userId).lean();
  if (user) await listInDirectory(user);
}

/**
 * A person is e-mailed about their own credentials, in their language: an invitation or a reset
 * with its one-time link, a confirmation asked of a new address, or word that something changed.
 */
export async function notifyAccount(
  userId: string,
  notice: DomainEvents['account.notice'],
  eventId: string,
): Promise<void> {
  const user = await User.findById(userId).lean();
  if (!user) return; // gone: nobody to tell
  const org = await Organisation.findById(user.organisationId).lean();
  await recordNotices([
    {
      key: `${eventId}:${user._id}`,
      template: notice.template,
      recipient: {
        userId: String(user._id),
        organisationId: String(user.organisationId),
        name: user.name,
        email: notice.to ?? user.email,
        language: user.language,
      },
      data: {
        email: user.email,
        role: user.role,
        organisationName: org?.name ?? '',
        forced: notice.forced === true,
        ...(notice.to ? { address: notice.to } : {}),
        ...(notice.link ? { credentialLink: { ...notice.link, userId: String(user._id) } } : {}),
      },
      subject: String(user._id),
    },
  ]);
}
