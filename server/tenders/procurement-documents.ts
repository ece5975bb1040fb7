import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { FromSchema } from 'json-schema-to-ts';
import { tenderDocumentBody } from '../../schemas/amendments.js';
import type { Actor } from '../accounts/access.js';
import { recordAudit } from '../audit/audit.service.js';
import { context } from '../context.js';
import {
  abandonUpload,
  beginUpload,
  finishUpload,
  readPlainDocument,
  removeDocuments,
  type StoredDocument,
  storePlainDocument,
} from '../documents/chunk-store.js';
import { cleanName, typeError } from '../documents/file-types.js';
import { AppError, badRequest, conflict, notFound } from '../errors.js';
import { parseJsonPart, readParts, tooLarge } from '../http/multipart.js';
import { changeDocument } from '../revision.js';
import { validatorFor } from '../validation.js';
import { Tender, type TenderRecord } from './tender.model.js';
import { loadTender, readsDraft } from './tender-access.js';
import type { DocumentVersion, ProcurementDocument } from './tender-changes.js';

// A tender's procurement documents (art. 53(1)): officers upload them to a draft, and anyone reads
// them from publication, free and whole. After publication a new version is uploaded unpublished
// and an amendment publishes it; every published version stays readable with its SHA-256.

const PARTS = { json: 'document', files: 'file', noun: 'procurement document' };

/**
 * A document as a reader sees it: the published versions; officers and the consortium's
 * representatives, who approve them, also the versions not yet published.
 */
function documentView(t: TenderRecord, d: ProcurementDocument, insider: boolean) {
  const versions = d.versions
    .filter((v) => v.publishedAt || insider)
    .map((v) => ({
      version: v.version,
      title: v.title,
      filename: v.filename,
      contentType: v.contentType,
      size: v.size,
      sha256: v.sha256,
      datePublished: v.publishedAt,
      amendmentId: v.amendmentId,
      url: `/tenders/${t._id}/documents/${d.id}?version=${v.version}`,
    }));
  const latest = versions.at(-1);
  return latest ? { id: d.id, title: latest.title, latest: latest.version, versions } : null;
}

/** The tender's documents a reader may see. */
export async function listTenderDocuments(actor: Actor, tenderId: string) {
  const t = await loadTender(actor, tenderId);
  const insider = await readsDraft(actor, t);
  const items = (t.documents ?? []).flatMap((d) => documentView(t, d, insider) ?? []);
  return { items, total: items.length };
}

/** One version of a document (the latest published by default), as it was uploaded. */
export async function readTenderDocument(
  actor: Actor,
  tenderId: string,
  documentId: string,
  version?: number,
) {
  const t = await loadTender(actor, tenderId);
  const d = t.documents?.find((x) => x.id === documentId);
  const insider = await readsDraft(actor, t);
  const readable = (v: DocumentVersion) => Boolean(v.publishedAt) || insider;
  const versions = d?.versions.filter(readable) ?? [];
  const chosen = version === undefined ? versions.at(-1) : versions.find((x) => x.version === version);
  if (!chosen) throw notFound('The document');
  const bytes = await readPlainDocument({ id: chosen.storedId, chunks: chosen.chunks });
  return { entry: chosen, bytes };
}

/** Whether the tender takes a new document now: a draft, or a published tender before its deadline. */
function requireChangeable(t: TenderRecord): void {
  if (t.status === 'cancelled') throw conflict('cancelled', 'The tender is cancelled.');
  const held = Boolean(t.openingSuspension) && !t.opening;
  if (t.status === 'published' && new Date() >= new Date(t.submissionDeadline) && !held)
    throw conflict('deadline-passed', 'The submission deadline has passed: the documents are final.');
}

/**
 * Adds a document, or a new version of one (`replaces`). A version not yet published — a draft's,
 * or one uploaded for an amendment — is replaced in place by the next upload; a published one
 * stays, and the upload becomes the next version, public once an amendment publishes it.
 */
export async function addTenderDocument(actor: Actor, tenderId: string, req: Request) {
  const t0 = await loadTender(actor, tenderId);
  requireChangeable(t0);
  const limits = context().config.tenderDocuments;
  const validate = validatorFor(tenderDocumentBody);
  const uploadId = await beginUpload();
  let input: FromSchema<typeof tenderDocumentBody> | undefined;
  let stored: StoredDocument | undefined;
  let filename = '';
  let contentType = '';
  try {
    await readParts(
      req,
      limits,
      async (json) => {
        input = parseJsonPart<FromSchema<typeof tenderDocumentBody>>(json, 'document', validate);
        if (input?.replaces && !t0.documents?.some((d) => d.id === input?.replaces))
          throw badRequest('Unknown document.', [
            { path: '/document/replaces', message: 'names no document of this tender' },
          ]);
      },
      async (file, name) => {
        stored = await storePlainDocument(uploadId, file as AsyncIterable<Buffer>, {
          maxBytes: limits.maxBytes,
          tooLarge: () => tooLarge(`A document may have at most ${limits.maxBytes} bytes.`, '/file'),
        });
        const type = await typeError(stored.head, '/file');
        if (type.error)
          throw new AppError('unsupported-document-type', 'A tender cannot carry this file.', 415, [
            type.error,
          ]);
        filename = cleanName(name);
        contentType = type.mime as string;
      },
      PARTS,
    );
    if (!stored || !input)
      throw badRequest('The file is missing.', [{ path: '/file', message: 'is required' }]);
    const result = await storeVersion(actor, tenderId, input, stored, { filename, contentType });
    await finishUpload(uploadId);
    await removeDocuments(result.superseded);
    return result.view;
  } catch (err) {
    await abandonUpload(uploadId);
    throw err;
  }
}

/** Records the stored file as a document's new (or replaced unpublished) version. */
async function storeVersion(
  actor: Actor,
  tenderId: string,
  input: { title: string; replaces?: string },
  stored: StoredDocument,
  file: { filename: string; contentType: string },
) {
  let superseded: { id: string }[] = [];
  const documentId = input.replaces ?? randomBytes(8).toString('hex');
  const t = await changeDocument<TenderRecord>(Tender, tenderId, 'The tender', (tender) => {
    requireChangeable(tender);
    const documents = [...(tender.documents ?? [])];
    const at = documents.findIndex((d) => d.id === documentId);
    const versions = at >= 0 ? [...(documents[at] as ProcurementDocument).versions] : [];
    const last = versions.at(-1);
    const replaced = last && !last.publishedAt ? versions.pop() : undefined;
    superseded = replaced ? [{ id: replaced.storedId }] : [];
    versions.push({
      version: replaced?.version ?? (last?.version ?? 0) + 1,
      storedId: stored.sealed.id,
      chunks: stored.sealed.chunks,
      title: input.title,
      filename: file.filename,
      contentType: file.contentType,
      size: stored.size,
      sha256: stored.sha256,
      addedAt: new Date(),
      addedBy: actor.id,
      publishedAt: null,
      amendmentId: null,
    });
    if (at >= 0) documents[at] = { id: documentId, versions };
    else documents.push({ id: documentId, versions });
    return { set: { documents } };
  });
  await recordAudit({
    actor,
    action: 'tender.document-added',
    object: { type: 'tender', id: tenderId },
    detail: { documentId, sha256: stored.sha256, size: stored.size },
  });
  const d = t.documents?.find((x) => x.id === documentId) as ProcurementDocument;
  return { view: documentView(t, d, true), superseded };
}

/** At publication, or by an amendment: the documents' unpublished versions become public. */
export function publishDocuments(
  documents: ProcurementDocument[] | undefined,
  at: Date,
  only?: { ids: string[]; amendmentId: string },
): ProcurementDocument[] {
  return (documents ?? []).map((d) => ({
    id: d.id,
    versions: d.versions.map((v) =>
      v.publishedAt || (only && !only.ids.includes(d.id))
        ? v
        : { ...v, publishedAt: at, amendmentId: only?.amendmentId ?? null },
    ),
  }));
}
