import { UnrecoverableError } from 'bullmq';
import type { Attachment } from 'nodemailer/lib/mailer/index.js';

// What a notice carries besides its text (a contract PDF, an award letter), loaded when it is sent.

/** What a loader may use besides the id: the notice as recorded and the e-mail as rendered for it. */
export interface AttachmentContext {
  notice: { id: string; locale: string; recipientName: string; createdAt: Date };
  rendered: { subject: string; text: string };
}
type AttachmentLoader = (id: string, context: AttachmentContext) => Promise<Attachment>;
const attachmentLoaders = new Map<string, AttachmentLoader>();

/** Registers how to load an attachment kind (e.g. a contract PDF) when a notice is sent. */
export function onAttachment(kind: string, loader: AttachmentLoader): void {
  attachmentLoaders.set(kind, loader);
}

/** Loads every attachment of a notice; an unknown kind can never be sent, so it is unrecoverable. */
export async function loadAttachments(
  attachments: { kind: string; id: string }[],
  context: AttachmentContext,
): Promise<Attachment[]> {
  const loaded: Attachment[] = [];
  for (const a of attachments) {
    const loader = attachmentLoaders.get(a.kind);
    if (!loader) throw new UnrecoverableError(`No loader for attachments of kind ${a.kind}`);
    loaded.push(await loader(a.id, context));
  }
  return loaded;
}
