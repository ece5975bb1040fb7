import type { Request } from 'express';
import { complaintBody } from '../../schemas/review.js';
import type { Actor } from '../accounts/access.js';
import { context } from '../context.js';
import {
  abandonUpload,
  beginUpload,
  finishUpload,
  type StoredDocument,
  storePlainDocument,
} from '../documents/chunk-store.js';
import { uploadedEntry } from '../documents/file-types.js';
import { AppError } from '../errors.js';
import { type PartNames, parseJsonPart, readParts, tooLarge } from '../http/multipart.js';
import type { FieldError } from '../validation.js';
import { validatorFor } from '../validation.js';
import type { ComplaintDocument } from './complaint.model.js';
import { admitComplaint, type ComplaintInput, lodgeComplaint } from './complaints.service.js';

// A complaint with its documents, as `multipart/form-data`: a `complaint` part, then its files as
// `documents` parts, within the bids' limits and of the types a bid may carry. The complaint is
// admitted (its window, its author) before any file is stored; a refused request leaves nothing.

const PARTS: PartNames = { json: 'complaint', files: 'documents', noun: 'complaint' };

export async function lodgeComplaintUpload(actor: Actor, tenderId: string, req: Request) {
  const limits = context().config.bidDocuments;
  const validate = validatorFor(complaintBody);
  const uploadId = await beginUpload();
  let input: ComplaintInput | undefined;
  const documents: ComplaintDocument[] = [];
  const typeErrors: FieldError[] = [];
  try {
    await readParts(
      req,
      limits,
      async (json) => {
        input = parseJsonPart<ComplaintInput>(json, 'complaint', validate);
        await admitComplaint(actor, tenderId, input);
      },
      async (file, filename, index) => {
        const stored: StoredDocument = await storePlainDocument(uploadId, file as AsyncIterable<Buffer>, {
          maxBytes: limits.maxBytes,
          tooLarge: () =>
            tooLarge(`A document may have at most ${limits.maxBytes} bytes.`, `/documents/${index}`),
        });
        const entry = await uploadedEntry(stored, filename, `/documents/${index}`, typeErrors);
        documents.push({ ...entry, storedId: stored.sealed.id, chunks: stored.sealed.chunks });
      },
      PARTS,
    );
    if (typeErrors.length)
      throw new AppError(
        'unsupported-document-type',
        'Some documents are of a type a complaint cannot carry.',
        415,
        typeErrors,
      );
    if (!input)
      throw new AppError('validation-failed', 'The complaint part is missing.', 400, [
        { path: '/complaint', message: 'is required' },
      ]);
    const answer = await lodgeComplaint(actor, tenderId, input, documents);
    await finishUpload(uploadId);
    return answer;
  } catch (err) {
    await abandonUpload(uploadId);
    throw err;
  }
}
