// The API's refusals (RFC 9457 problem details) as the console shows them: a title, what to do,
// and each bad field by its JSON Pointer, so that a form puts the message next to its field.

export interface FieldProblem {
  path: string;
  message: string;
}

/** A refused request: its status, the problem's type (`urn:problem:<code>`), and its fields. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /** True when the console worded it itself, in the reader's language (not the API, in English). */
    readonly worded = false,
  ) {
    super(detail || title);
    this.name = 'ProblemError';
  }

  /** The problem's code, the last part of its type (`deadline-passed`). */
  get code(): string {
    return this.type.split(':').pop() ?? '';
  }

  /** The message for one field (`/priceCents`), or for a field under a part (`/bid/priceCents`). */
  fieldMessage(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path.endsWith(path))?.message;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The problem an answer carries; an answer that is no problem document still becomes one. */
export function problemFrom(status: number, body: unknown): ProblemError {
  if (isRecord(body) && typeof body.type === 'string' && typeof body.title === 'string') {
    const errors = Array.isArray(body.errors)
      ? body.errors
          .filter(isRecord)
          .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }))
      : [];
    return new ProblemError(status, body.type, body.title, String(body.detail ?? ''), errors);
  }
  if (status === 0)
    return new ProblemError(0, 'urn:problem:network', 'No connection', 'The platform could not be reached.');
  return new ProblemError(
    status,
    `urn:problem:http-${status}`,
    `Error ${status}`,
    typeof body === 'string' ? body.slice(0, 200) : '',
  );
}
