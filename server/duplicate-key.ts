/** True when the error is a duplicate-key error from a unique index. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

/** The errors of the documents a bulk write refused, by their position in it (none when it failed whole). */
export function writeErrorsOf(err: unknown): { index: number; code: number }[] {
  const writeErrors = (err as { writeErrors?: unknown } | undefined)?.writeErrors;
  return (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as {
    index: number;
    code: number;
  }[];
}
