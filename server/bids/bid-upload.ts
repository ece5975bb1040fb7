import type { Request } from 'express';
import type { FromSchema } from 'json-schema-to-ts';
import { bidBody } from '../../schemas/bids.js';
import type { Actor } from '../accounts/access.js';
import { context } from '../context.js';
import { abandonUpload, beginUpload, finishUpload, storeSealedDocument } from '../documents/chunk-store.js';
import { uploadedEntry } from '../documents/file-types.js';
import { AppError } from '../errors.js';
import { BID_PARTS, parseJsonPart, readParts, tooLarge } from '../http/multipart.js';
import { loadTender } from '../tenders/tender-access.js';
import type { FieldError } from '../validation.js';
import { validatorFor } from '../validation.js';
import { admitBid, type BidDocuments, submitBid } from './bids.service.js';
import { readResponseFor } from './espd-response.js';
import { associatedData, type DocumentEntry, newDataKey, type SealedDocument } from './sealing.js';

// A bid with its documents, as `multipart/form-data`: first a `bid` part (the JSON of a bid), then
// its files as `documents` parts (and its price schedule as `priceDocuments`, the price envelope). Each file is sealed as it streams in and stored in chunks; its
// type is read from its content (never from what the client declares), and only the accepted
// types are taken (documents/file-types.ts). An `espd` part may carry the vendor's ESPD response as
// XML, read into the bid's answers. A refused request leaves nothing stored.

type BidInput = FromSchema<typeof bidBody>;

/** How big an ESPD response (the `espd` part, XML) may be: the EU's own example is 1.1 MB. */
const ESPD_PART_BYTES = 5 * 1024 * 1024;

/**
 * A vendor submits its bid with documents. The `bid` part is checked (fields, lot, deadline) before
 * any file is stored; each file is then sealed under the bid's data key as it arrives. The bid is
 * stored as `submitBid` stores any bid, and its receipt's SHA-256 covers every file.
 */
export async function submitBidUpload(actor: Actor, tenderId: string, req: Request) {
  const limits = context().config.bidDocuments;
  const validate = validatorFor(bidBody);
  const dataKey = newDataKey();
  const uploadId = await beginUpload();
  let input: BidInput | undefined;
  let espdXml: string | undefined;
  const entries: DocumentEntry[] = [];
  const sealed: SealedDocument[] = [];
  const typeErrors: FieldError[] = [];
  try {
    await readParts(
      req,
      limits,
      async (json) => {
        input = parseJsonPart<BidInput>(json, 'bid', validate);
        await admitBid(actor, tenderId, input.lot, '/bid');
      },
      async (file, filename, index, part) => {
        const binding = { tenderId, lot: (input as BidInput).lot, vendorId: actor.organisationId };
        const stored = await storeSealedDocument(uploadId, file as AsyncIterable<Buffer>, {
          dataKey,
          aadFor: (documentId) => associatedData(binding, documentId),
          maxBytes: limits.maxBytes,
          tooLarge: () =>
            tooLarge(`A document may have at most ${limits.maxBytes} bytes.`, `/${part}/${index}`),
        });
        sealed.push(stored.sealed);
        const entry = await uploadedEntry(stored, filename, `/${part}/${index}`, typeErrors);
        entries.push(part === 'priceDocuments' ? { ...entry, envelope: 'price' } : entry);
      },
      {
        ...BID_PARTS,
        text: {
          name: 'espd',
          maxBytes: ESPD_PART_BYTES,
          onText: async (xml) => {
            espdXml = xml;
          },
        },
      },
    );
    if (typeErrors.length)
      throw new AppError(
        'unsupported-document-type',
        'Some documents are of a type a bid cannot carry.',
        415,
        typeErrors,
      );
    const documents: BidDocuments = { dataKey, entries, sealed };
    const bid = input as BidInput;
    // An ESPD response made elsewhere is read into the bid's answers; answers in the bid part win.
    if (espdXml !== undefined) {
      const read = await readResponseFor(await loadTender(actor, tenderId), espdXml, '/espd');
      bid.espd = { ...bid.espd, answers: { ...read.answers, ...bid.espd?.answers } };
    }
    const answer = await submitBid(actor, tenderId, bid, documents);
    await finishUpload(uploadId);
    return answer;
  } catch (err) {
    await abandonUpload(uploadId);
    throw err;
  }
}
