import type { Response } from 'express';
import mime from 'mime-types';

// A file is served as what it was found to be when it was accepted, whatever name it came with: a
// PDF named `annex.html` reaches its reader as `annex.html.pdf`, `application/pdf`, as an
// attachment. So no browser renders an upload as a page, or runs it as a program.

/** Word, Excel and PowerPoint 97–2003 files share one container format (the compound file). */
const EXTRA_EXTENSIONS: Record<string, string[]> = {
  'application/x-cfb': ['doc', 'xls', 'ppt'],
  'application/octet-stream': ['bin'],
};

/** The extensions a type goes by; the first is the one a name gets when it has none of them. */
const extensionsOf = (contentType: string) =>
  EXTRA_EXTENSIONS[contentType] ?? mime.extensions[contentType] ?? ['bin'];

/** A file name whose extension matches its type: kept when it does, the type's extension added when not. */
export function nameForType(filename: string, contentType: string): string {
  const known = extensionsOf(contentType);
  const ext = /\.([^.]+)$/.exec(filename)?.[1]?.toLowerCase();
  return ext && known.includes(ext) ? filename : `${filename}.${known[0]}`;
}

/**
 * Sends a file as an attachment of its detected type: `Content-Disposition: attachment` with the
 * name in RFC 6266's `filename*` (UTF-8 names intact) and an ASCII fallback, the type as detected
 * (never guessed from the name), and `nosniff` (set for every answer by the app).
 */
export function sendFile(
  res: Response,
  file: { bytes: Buffer; contentType: string; filename: string },
  headers: Record<string, string> = {},
): void {
  // `attachment()` sets a type from the name's extension; the detected type is set after it.
  res
    .status(200)
    .attachment(nameForType(file.filename, file.contentType))
    .type(file.contentType)
    .set(headers)
    .send(file.bytes);
}
