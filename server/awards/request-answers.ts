import type { Request } from 'express';
import type { FromSchema } from 'json-schema-to-ts';
import { requestAnswerBody } from '../../schemas/requests.js';
import type { Actor } from '../accounts/access.js';
import { readPlainDocument } from '../documents/chunk-store.js';
import { plainUpload } from '../documents/plain-upload.js';
import { scheduleEffects } from '../effects/effects.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { domainEvent } from '../events.js';
import { changeDocument } from '../revision.js';
import { validatorFor } from '../validation.js';
import { BidderRequest, type BidderRequestRecord, type RequestDocument } from './bidder-request.model.js';
import { loadRequest, view } from './bidder-requests.js';

// The vendor's answer to a request, before its deadline: its words, the addresses of its evidence,
// and its documents (as `multipart/form-data`: an `answer` part, then `documents` parts, within the
// bids' limits and of the types a bid may carry). The request is admitted before any file is
// stored; a refused answer leaves nothing.

type AnswerInput = FromSchema<typeof requestAnswerBody>;

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
export function answerRequestUpload(actor: Actor, id: string, req: Request) {
  return plainUpload<AnswerInput, Awaited<ReturnType<typeof answerRequest>>>(req, {
    parts: { json: 'answer', files: 'documents', noun: 'answer' },
    carrier: 'an answer',
    validate: validatorFor(requestAnswerBody),
    admit: async () => {
      await admitAnswer(actor, id);
    },
    finish: (input, documents) => answerRequest(actor, id, input, documents),
  });
}

/** One document of an answer, for the officers and the vendor that answered. */
export async function readAnswerDocument(actor: Actor, id: string, docId: string) {
  const r = await loadRequest(actor, id);
  const doc = r.answer?.documents?.find((d) => d.id === docId);
  if (!doc) throw notFound('The document');
  const bytes = await readPlainDocument({ id: doc.storedId, chunks: doc.chunks });
  return { doc, bytes };
}
