import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.js';
import { authorSealed, Complaint, type ComplaintRecord } from '../review/complaint.model.js';
import type { TenderRecord } from '../tenders/tender.model.js';

// Complaints in the OCDS release: `tender.complaints`, an extension of our own shaped like
// ProZorro's (schemas/ocds-complaints/), served by the platform and named in the package.

const dir = path.join(projectRoot, 'schemas', 'ocds-complaints');
/** The extension's files, as served at `/api/v1/ocds/extensions/complaints/<file>`. */
export const complaintsExtension = {
  'extension.json': JSON.parse(readFileSync(path.join(dir, 'extension.json'), 'utf8')),
  'release-schema.json': JSON.parse(readFileSync(path.join(dir, 'release-schema.json'), 'utf8')),
};
export const complaintsExtensionUrl = (publicUrl: string) =>
  `${publicUrl}/api/v1/ocds/extensions/complaints/extension.json`;

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

/**
 * The tender's complaints, oldest first, as the public reads them: the complainant named once the
 * review body accepted the complaint, the review body always; the parties they name.
 */
export async function ocdsComplaints(t: TenderRecord, publicUrl: string) {
  const complaints = await Complaint.find({ tenderId: t._id })
    .sort({ createdAt: 1 })
    .lean<ComplaintRecord[]>();
  return {
    named: [
      ...new Set(
        complaints.filter((c) => c.acceptedAt && !authorSealed(c, t)).map((c) => String(c.authorId)),
      ),
    ],
    complaints: complaints.map((c) => ({
      id: String(c._id),
      status: c.status,
      subject: c.against,
      title: c.grounds,
      description: c.text,
      ...(c.lot === null ? {} : { relatedLot: String(c.lot) }),
      ...(c.acceptedAt && !authorSealed(c, t) ? { author: { id: String(c.authorId) } } : {}),
      reviewBody: { id: String(c.reviewBodyId) },
      dateSubmitted: iso(c.createdAt),
      dateAccepted: iso(c.acceptedAt),
      dateWithdrawn: iso(c.withdrawnAt),
      ...(c.refusal ? { refusal: { date: iso(c.refusal.at), description: c.refusal.text } } : {}),
      ...(c.decision
        ? {
            decision: {
              outcome: c.decision.outcome,
              date: iso(c.decision.at),
              description: c.decision.text,
              url: `${publicUrl}/api/v1/complaints/${c._id}/decision.pdf`,
            },
          }
        : {}),
    })),
  };
}
