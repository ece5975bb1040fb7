import type { FieldError } from '../validation.js';

// What an uploaded document may be, by the type its content shows (never by what the client
// declares), and the name it is kept under.

/** What an uploaded document may be (a bid's, a tender's), by the type its content shows. */
export const ACCEPTED_TYPES = new Set([
  'application/pdf',
  'application/zip',
  'application/x-7z-compressed',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Word 97–2003, Excel 97–2003 (the compound file format)
  'application/x-cfb',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/webp',
]);

/** A file's name as its sender gave it, without any path, control characters or quotes, and never empty. */
export function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const printable = Array.from(base)
    .filter((c) => c.charCodeAt(0) >= 32 && c !== '"')
    .join('');
  return printable.slice(0, 200) || 'document';
}

/** The error for a file of another type, or null when it is one of the accepted ones. */
export async function typeError(
  head: Buffer,
  path: string,
): Promise<{ mime: string | null; error: FieldError | null }> {
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(head);
  if (type && ACCEPTED_TYPES.has(type.mime)) return { mime: type.mime, error: null };
  return {
    mime: type?.mime ?? null,
    error: {
      path,
      message: `is ${type ? type.mime : 'of no recognised type'}; only PDF, office, archive and image files are accepted`,
    },
  };
}

/**
 * What a stored upload is: its id, its clean name, the type its content shows, its size and digest;
 * a type that is not accepted is added to `errors` (the caller refuses the whole upload).
 */
export async function uploadedEntry(
  stored: { head: Buffer; size: number; sha256: string; sealed: { id: string } },
  filename: string,
  path: string,
  errors: FieldError[],
) {
  const type = await typeError(stored.head, path);
  if (type.error) errors.push(type.error);
  return {
    id: stored.sealed.id,
    filename: cleanName(filename),
    contentType: type.mime ?? 'application/octet-stream',
    size: stored.size,
    sha256: stored.sha256,
  };
}
