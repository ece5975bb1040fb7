import { drawLetter } from '../../templates/pdf/letter.js';
import { Organisation } from '../accounts/organisation.model.js';
import { dataDigest } from '../digest.js';
import { renderPdf } from '../documents/pdf.js';
import { notFound } from '../errors.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { authorSealed, Complaint, type ComplaintRecord } from './complaint.model.js';

const against = (c: ComplaintRecord) =>
  c.against === 'conditions'
    ? 'the conditions of the tender'
    : c.against === 'award'
      ? `the award of lot ${c.lot}`
      : c.against === 'exclusion'
        ? `an exclusion from lot ${c.lot}`
        : `the cancellation of lot ${c.lot}`;

const effect = (c: ComplaintRecord, upheld: boolean) => {
  if (!upheld)
    return 'The complaint is dismissed: the suspension it caused ends, and the procedure goes on from where it stood.';
  if (c.against === 'conditions')
    return 'The contracting authority shall amend the conditions of the tender; the bids are not opened until it has.';
  if (c.against === 'cancellation') return `The cancellation of lot ${c.lot} is revoked: the lot goes on.`;
  return `The award decision for lot ${c.lot} is set aside: the contracting authority shall decide again, with new decision notices and a new standstill period.`;
};

/**
 * The review body's reasoned decision as a PDF letter to the complainant: public, as the decision
 * is; the same decision gives the same bytes.
 */
export async function decisionPdf(complaintId: string): Promise<{ filename: string; content: Buffer }> {
  const c = await Complaint.findById(complaintId).lean<ComplaintRecord>();
  if (!c?.decision) throw notFound('The decision');
  const [t, body, author] = await Promise.all([
    Tender.findById(c.tenderId).lean<TenderRecord>(),
    Organisation.findById(c.reviewBodyId, { name: 1 }).lean(),
    Organisation.findById(c.authorId, { name: 1 }).lean(),
  ]);
  const upheld = c.decision.outcome === 'upheld';
  const data = {
    language: 'en',
    from: body?.name ?? 'Review body',
    // A bidder's name would tell who bid on a lot still sealed: the letter, public, keeps it out.
    to: t && authorSealed(c, t) ? 'The complainant' : (author?.name ?? ''),
    date: new Date(c.decision.at).toISOString(),
    subject: `Decision on complaint ${complaintId}: ${upheld ? 'upheld' : 'dismissed'}`,
    body: [
      `Tender ${t?.reference ?? ''} ${t?.title ?? ''}${c.lot === null ? '' : `, lot ${c.lot}`}.`,
      `The complaint against ${against(c)}, lodged on ${new Date(c.createdAt).toISOString()} and accepted on ${c.acceptedAt ? new Date(c.acceptedAt).toISOString() : '—'}, on the grounds: ${c.grounds}`,
      `The review body ${upheld ? 'upholds' : 'dismisses'} the complaint, for these reasons:`,
      c.decision.text,
      effect(c, upheld),
    ].join('\n\n'),
  };
  const content = await renderPdf(
    {
      title: data.subject,
      author: data.from,
      documentId: `complaint ${complaintId}`,
      date: new Date(data.date),
      language: 'en',
      dataSha256: dataDigest(data),
      pageLabel: (p, n) => `Page ${p} of ${n}`,
    },
    (doc) => drawLetter(doc, data),
  );
  return { filename: `decision-${complaintId}.pdf`, content };
}

/** The decision letter as a notice's attachment. */
export async function decisionAttachment(complaintId: string) {
  return { ...(await decisionPdf(complaintId)), contentType: 'application/pdf' };
}
