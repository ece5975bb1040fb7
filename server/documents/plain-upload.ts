import type { Request } from 'express';
import { context } from '../context.js';
import { AppError } from '../errors.js';
import { type PartNames, parseJsonPart, readParts, tooLarge } from '../http/multipart.js';
import type { FieldError } from '../validation.js';
import { abandonUpload, beginUpload, finishUpload, storePlainDocument } from './chunk-store.js';
import { uploadedEntry } from './file-types.js';

// A JSON part and its documents as `multipart/form-data`, stored in the clear (a complaint, an
// answer to a request): within the bids' limits and of the types a bid may carry. The JSON part
// is admitted before any file is stored, and a refused request leaves nothing.

/** A document as it is kept with what it came with. */
export interface PlainDocument {
  id: string;
  storedId: string;
  chunks: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export async function plainUpload<I, R>(
  req: Request,
  how: {
    parts: PartNames;
    /** What carries the documents, in words: `a complaint`. */
    carrier: string;
    validate: Parameters<typeof parseJsonPart>[2];
    /** Refuses the JSON part (its window, its author) before any file is stored. */
    admit: (input: I) => Promise<void>;
    /** Records it with its stored documents. */
    finish: (input: I, documents: PlainDocument[]) => Promise<R>;
  },
): Promise<R> {
  const limits = context().config.bidDocuments;
  const uploadId = await beginUpload();
  let input: I | undefined;
  const documents: PlainDocument[] = [];
  const typeErrors: FieldError[] = [];
  try {
    await readParts(
      req,
      limits,
      async (json) => {
        input = parseJsonPart<I>(json, how.parts.json, how.validate);
        await how.admit(input);
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
      how.parts,
    );
    if (typeErrors.length)
      throw new AppError(
        'unsupported-document-type',
        `Some documents are of a type ${how.carrier} cannot carry.`,
        415,
        typeErrors,
      );
    if (input === undefined)
      throw new AppError('validation-failed', `The ${how.parts.json} part is missing.`, 400, [
        { path: `/${how.parts.json}`, message: 'is required' },
      ]);
    const answer = await how.finish(input, documents);
    await finishUpload(uploadId);
    return answer;
  } catch (err) {
    await abandonUpload(uploadId);
    throw err;
  }
}
