import type { ValidateFunction } from 'ajv';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError, badRequest } from '../errors.js';
import { bodyErrors } from './validate.js';

// Reading an upload's multipart body part by part, in order: first its JSON part (a bid's `bid`, a
// procurement document's `document`: a text field, or a JSON file part as curl and browsers send
// it), then its files. What each part means is the caller's: this file knows only the order, the
// limits and a client cut off.

/** A part that is more than an upload may carry (413, naming it). */
export const tooLarge = (message: string, path: string) =>
  new AppError('too-large', message, 413, [{ path, message }]);

/** The JSON part as a file part (curl's `-F bid=@bid.json;type=application/json`, a browser's Blob): JSON, or no declared type. */
const JSON_PART_TYPES = new Set(['application/json', 'application/octet-stream', 'text/plain']);
const JSON_PART_BYTES = 1024 * 1024;

/** Reads the JSON file part whole, up to the size its field may have. */
async function readJsonPart(
  stream: NodeJS.ReadableStream,
  json: string,
  maxBytes = JSON_PART_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(`The ${json} part is too large.`, `/${json}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A client that goes away mid-body: the request ends here, and what it stored is removed. */
const cutOff = () =>
  new AppError('upload-cut-off', 'The request was cut off before its end.', 400, [
    { path: '/', message: 'ended before the multipart body did' },
  ]);

/** What an upload's parts are called: its JSON part, its file parts, and the thing they make. */
export interface PartNames {
  json: string;
  files: string;
  /** Other file parts of the same upload (a bid's price envelope), counted with the files. */
  moreFiles?: string[];
  noun: string;
  /** A part read whole as text after the JSON part (a bid's ESPD response as XML), at most once. */
  text?: { name: string; maxBytes: number; onText: (text: string) => Promise<void> };
}

/** The JSON part read and checked against its schema: 400 naming each bad field under `/<name>`. */
export function parseJsonPart<T>(json: string, name: string, validate: ValidateFunction): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw badRequest(`The ${name} part is not JSON.`, [
      { path: `/${name}`, message: 'must be a JSON object' },
    ]);
  }
  const errors = bodyErrors(validate, value, `/${name}`);
  if (errors.length) throw badRequest(`The ${name} is invalid.`, errors);
  return value as T;
}

/** A bid: a `bid` part, then `documents`. */
export const BID_PARTS: PartNames = {
  json: 'bid',
  files: 'documents',
  moreFiles: ['priceDocuments'],
  noun: 'bid',
};

/**
 * Reads the parts in order; `onJson` and `onFile` run one after the other, as the parts come. The
 * JSON part comes first, as a text field or a JSON file part. A client that drops the connection
 * mid-way ends the reading at once: the file being stored fails, and the caller removes the rest.
 */
export function readParts(
  req: Request,
  limits: { max: number; maxBytes: number },
  onJson: (json: string) => Promise<void>,
  onFile: (file: NodeJS.ReadableStream, filename: string, index: number, part: string) => Promise<void>,
  names: PartNames = BID_PARTS,
): Promise<void> {
  const { json, files: filePart, noun } = names;
  const only = () => badRequest(`One ${json} part only.`, [{ path: `/${json}`, message: 'is given twice' }]);
  const tooMany = () =>
    tooLarge(`A ${noun} carries at most ${limits.max} documents.`, `/${filePart}/${limits.max}`);
  const unknown = (name: string) =>
    badRequest('Unknown part.', [{ path: `/${name}`, message: `is not a part of a ${noun}` }]);
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // File names in UTF-8, as browsers and curl send them (busboy's default reads them as Latin-1).
        defParamCharset: 'utf8',
        limits: {
          files: limits.max + 1,
          fileSize: limits.maxBytes + 1,
          fields: 1,
          fieldSize: JSON_PART_BYTES,
        },
      });
    } catch {
      return reject(
        badRequest('The multipart body is malformed.', [{ path: '/', message: 'has no boundary' }]),
      );
    }
    let chain = Promise.resolve();
    let failed: unknown;
    let sawJson = false;
    let sawText = false;
    let files = 0;
    let reading: NodeJS.ReadableStream | undefined;
    const fail = (err: unknown) => {
      failed ??= err;
    };
    // A step that fails ends the request at once: the rest of the body is drained, unread.
    const abort = (err: unknown) => {
      fail(err);
      req.unpipe(parser);
      req.resume();
      reject(failed);
    };
    // The client went away before the body ended: the file being read fails now (busboy would wait
    // for the rest forever), and the request settles once the step under way has stopped.
    const onClose = () => {
      if (req.complete) return;
      fail(cutOff());
      req.unpipe(parser);
      (reading as { destroy?: (e: Error) => void } | undefined)?.destroy?.(cutOff());
      parser.destroy();
      chain.finally(() => reject(failed));
    };
    req.once('close', onClose);
    const settle = () => req.off('close', onClose);
    const after = (step: () => Promise<void>) => {
      chain = chain.then(() => (failed ? undefined : step())).catch(abort);
    };
    parser.on('field', (name, value, info) => {
      if (name !== json) return fail(unknown(name));
      if (info.valueTruncated) return fail(tooLarge(`The ${json} part is too large.`, `/${json}`));
      if (sawJson) return fail(only());
      sawJson = true;
      after(() => onJson(value));
    });
    parser.on('file', (name, stream, info) => {
      if (name === json && !sawJson) {
        if (!JSON_PART_TYPES.has(info.mimeType.toLowerCase())) {
          stream.resume();
          return fail(
            badRequest(`The ${json} part is not JSON.`, [
              { path: `/${json}`, message: `must be JSON (application/json), not ${info.mimeType}` },
            ]),
          );
        }
        sawJson = true;
        after(async () => onJson(await readJsonPart(stream, json)));
        chain = chain.finally(() => stream.resume());
        return;
      }
      const textPart = names.text;
      if (textPart && name === textPart.name) {
        if (!sawJson || sawText) {
          stream.resume();
          return fail(
            badRequest(`The ${name} part comes once, after the ${json} part.`, [
              { path: `/${name}`, message: `must come once, after the ${json} part` },
            ]),
          );
        }
        sawText = true;
        after(async () => textPart.onText(await readJsonPart(stream, name, textPart.maxBytes)));
        chain = chain.finally(() => stream.resume());
        return;
      }
      const index = files++;
      if (index >= limits.max) {
        stream.resume();
        return fail(tooMany());
      }
      if (name !== filePart && !names.moreFiles?.includes(name)) {
        stream.resume();
        return fail(name === json ? only() : unknown(name));
      }
      if (!sawJson) {
        stream.resume();
        return fail(
          badRequest(`The ${json} part must come before the documents.`, [
            { path: `/${json}`, message: 'must come before the documents' },
          ]),
        );
      }
      after(() => {
        reading = stream;
        return onFile(stream, info.filename, index, name);
      });
      // Whatever happens to the chain, the parser must be able to move on past this file.
      chain = chain.finally(() => stream.resume());
    });
    parser.on('filesLimit', () => fail(tooMany()));
    parser.on('fieldsLimit', () => fail(only()));
    parser.on('error', (err) => {
      fail(
        badRequest('The multipart body is malformed.', [
          { path: '/', message: String((err as Error).message) },
        ]),
      );
      chain.finally(() => reject(failed));
    });
    parser.on('close', () => {
      chain.finally(() => {
        settle();
        if (failed) return reject(failed);
        if (!sawJson)
          return reject(
            badRequest(`The ${json} part is missing.`, [{ path: `/${json}`, message: 'is required' }]),
          );
        resolve();
      });
    });
    req.pipe(parser);
  });
}
