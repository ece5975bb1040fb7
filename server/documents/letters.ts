import { drawLetter } from '../../templates/pdf/letter.js';
import { contractingAuthority } from '../accounts/accounts.service.js';
import { dataDigest } from '../digest.js';
import type { AttachmentContext } from '../notices/attachments.js';
import { renderPdf } from './pdf.js';

const pageLabel = (locale: string) => (p: number, n: number) =>
  locale === 'nl' ? `Pagina ${p} van ${n}` : `Page ${p} of ${n}`;

/** A notice's own text as a one-page PDF letter, for the recipient's files (award and rejection decisions). */
export async function decisionLetter(_id: string, { notice, rendered }: AttachmentContext) {
  const authority = await contractingAuthority();
  const data = {
    language: notice.locale,
    from: authority?.name ?? 'Contracting authority',
    to: notice.recipientName,
    date: new Date(notice.createdAt).toISOString(),
    subject: rendered.subject,
    body: rendered.text,
  };
  const content = await renderPdf(
    {
      title: rendered.subject,
      author: data.from,
      documentId: `letter ${notice.id}`,
      date: new Date(data.date),
      language: notice.locale,
      dataSha256: dataDigest(data),
      pageLabel: pageLabel(notice.locale),
    },
    (doc) => drawLetter(doc, data),
  );
  return { filename: `letter-${notice.id}.pdf`, content, contentType: 'application/pdf' };
}
