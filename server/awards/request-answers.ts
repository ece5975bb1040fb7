import type { Request } from 'express';
import type { FromSchema } from 'json-schema-to-ts';
import { requestAnswerBody } from '../../schemas/requests.js';
import type { Actor } from '../accounts/access.js';
import { context } from '../context.js';
import {
  abandonUpload,
  beginUpload,
  finishUpload,
  readPlainDocument,
  storePlainDocument,
} from '../documents/chunk-store.js';
import { uploadedEntry } from '../documents/file-types.js';
import { scheduleEffects } from '../effects/effects.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { type PartNames, parseJsonPart, readParts, tooLarge } from '../http/multipart.js';
import { changeDocument } from '../revision.js';
import type { FieldError } from '../validation.js';
import { validatorFor } from '../validation.js';
import { BidderRequest, type BidderRequestRecord, type RequestDocument } from './bidder-request.model.js';
import { loadRequest, view } from './bidder-requests.js';

// The vendor's answer to a request, before its deadline: its words, the addresses of its evidence,
// and its documents (as `multipart/form-data`: an `answer` part, then `documents` parts, within the
// bids' limits and of the types a bid may carry). The request is admitted before any file is
// stored; a refused answer leaves nothing.

type AnswerInput = FromSchema<typeof requestAnswerBody>;

const PARTS: PartNames = { json: 'answer', files: 'documents', noun: 'answer' };

/** Only the vendor asked answers, once, while the request is open and its deadline to come. */
async function admitAnswer(actor: Actor, id: string): Promise<BidderRequestRecord> {
  const r = await loadRequest(actor, id);
  if (actor.role !== 'vendor') throw forbidden('The vendor asked answers.');
  if (r.status !== 'open') throw conflict('request-closed', `The request is ${r.status}.`);
  if (new Date(r.dueAt) <= new Date())
    throw conflict('request-expired', 'The deadline of the request has passed.');
  return r;
}

/** The vendor answers before the deadline: its words, the addresses of its evidence, its documents. */
export async function answerRequest(
  actor: Actor,
  id: string,
  input: AnswerInput,
  documents: RequestDocument[] = [],
) {
  const own = await admitAnswer(actor, id);
  const answered = domainEvent('request.changed', { step: 'answered' });
  const r = await changeDocument<BidderRequestRecord>(
    BidderRequest,
    String(own._id),
    'The request',
    (cur) => {
      if (cur.status !== 'open') throw conflict('request-closed', `The request is ${cur.status}.`);
      if (new Date(cur.dueAt) <= new Date())
        throw conflict('request-expired', 'The deadline of the request has passed.');
      return {
        set: {
          status: 'answered',
          answer: {
            text: input.text,
            evidenceUrls: input.evidenceUrls ?? [],
            documents,
            at: new Date(),
            by: actor.id,
          },
        },
        effects: [answered],
        audit: {
          actor,
          action: 'request.answered',
          object: { type: 'request', id },
          detail: { documents: documents.map((d) => ({ filename: d.filename, sha256: d.sha256 })) },
        },
      };
    },
  );
  await scheduleEffects('BidderRequest', id, [answered]);
  return view(r);
}

/** `POST /requests/:id/answer` as `multipart/form-data`: the answer with its documents. */
export async function answerRequestUpload(actor: Actor, id: string, req: Request) {
  const limits = context().config.bidDocuments;
  const validate = validatorFor(requestAnswerBody);
  const uploadId = await beginUpload();
  let input: AnswerInput | undefined;
  const documents: RequestDocument[] = [];
  const typeErrors: FieldError[] = [];
  try {
    await readParts(
      req,
      limits,
      async (json) => {
        input = parseJsonPart<AnswerInput>(json, 'answer', validate);
        await admitAnswer(actor, id);
      },
      async (file, filename, index) => {
        const stored = await storePlainDocument(uploadId, file as AsyncIterable<Buffer>, {
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
        'Some documents are of a type an answer cannot carry.',
        415,
        typeErrors,
      );
    if (!input)
      throw new AppError('validation-failed', 'The answer part is missing.', 400, [
        { path: '/answer', message: 'is required' },
      ]);
    const answer = await answerRequest(actor, id, input, documents);
    await finishUpload(uploadId);
    return answer;
  } catch (err) {
    await abandonUpload(uploadId);
    throw err;
  }
}

/** One document of an answer, for the officers and the vendor that answered. */
export async function readAnswerDocument(actor: Actor, id: string, docId: string) {
  const r = await loadRequest(actor, id);
  const doc = r.answer?.documents?.find((d) => d.id === docId);
  if (!doc) throw notFound('The document');
  const bytes = await readPlainDocument({ id: doc.storedId, chunks: doc.chunks });
  return { doc, bytes };
}
