// What a published tender keeps of its changes: its procurement documents' versions, and its amendments.

/** One version of a procurement document: public once published (with the tender, or by an amendment). */
export interface DocumentVersion {
  version: number;
  storedId: string;
  chunks: number;
  title: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  addedAt: Date;
  addedBy: string;
  publishedAt: Date | null;
  amendmentId: string | null;
}

export interface ProcurementDocument {
  id: string;
  versions: DocumentVersion[];
}

/** A published amendment, as the tender keeps it: when, which version it made, and what it touched. */
export interface PublishedAmendment {
  id: string;
  version: number;
  publishedAt: Date;
  reason: { code: string; text: string };
  /** Anything but a date extension alone: bids on its lots need confirming. */
  significant: boolean;
  /** The lots it touched (every live lot for a change to the whole tender). */
  lots: number[];
}

/** The version of a document that stands: the latest published one, or a draft's upload. */
export const currentVersion = (t: { status: string }, d: ProcurementDocument) =>
  t.status === 'draft' ? d.versions.at(-1) : d.versions.filter((v) => v.publishedAt).at(-1);
