import { Amendment, type AmendmentRecord } from '../tenders/amendment.model.js';
import type { TenderRecord } from '../tenders/tender.model.js';

// What the open data says of a tender's changes: every published version of its procurement
// documents, and its amendments (each also a release of its own, tagged `tenderAmendment`).

const iso = (d: Date | string) => new Date(d).toISOString();

/** The release id of a version of the tender (1 as published, then one per amendment). */
export const versionReleaseId = (t: Pick<TenderRecord, '_id'>, version: number) => `${t._id}-v${version}`;

/** Every published version of every procurement document, with its SHA-256. */
export function ocdsDocuments(t: TenderRecord, publicUrl: string) {
  return (t.documents ?? []).flatMap((d) =>
    d.versions
      .filter((v) => v.publishedAt)
      .map((v) => ({
        id: `${d.id}-v${v.version}`,
        title: v.title,
        description: `Version ${v.version} of ${v.filename}; SHA-256 ${v.sha256}`,
        url: `${publicUrl}/api/v1/tenders/${t._id}/documents/${d.id}?version=${v.version}`,
        datePublished: iso(v.publishedAt as Date),
        format: v.contentType,
        language: 'en',
      })),
  );
}

/** The published amendments, with the fields they changed and their former values. */
export async function ocdsAmendments(t: TenderRecord) {
  if (!t.amendments?.length) return [];
  const records = await Amendment.find({ tenderId: t._id }).lean<AmendmentRecord[]>();
  return t.amendments.map((p) => {
    const a = records.find((r) => String(r._id) === p.id);
    const fields = Object.keys(a?.changes ?? {});
    return {
      id: p.id,
      date: iso(p.publishedAt),
      rationale: p.reason.text,
      description: `${p.reason.code}: ${[...fields, ...(a?.documents.length ? ['documents'] : [])].join(', ')}`,
      amendsReleaseID: versionReleaseId(t, p.version - 1),
      releaseID: versionReleaseId(t, p.version),
      changes: fields.map((f) => ({ property: f, former_value: a?.before[f] ?? null })),
    };
  });
}

/** One release per amendment: what changed, when, and why. */
export const amendmentReleases = (
  base: { ocid: string; initiationType: string; language: string },
  tenderId: string,
  amendments: Awaited<ReturnType<typeof ocdsAmendments>>,
) =>
  amendments.map((a) => ({
    ...base,
    id: a.releaseID,
    date: a.date,
    tag: ['tenderAmendment'],
    tender: { id: tenderId, amendments: [a] },
  }));
