import { randomBytes } from 'node:crypto';
import { inboxOf, linkTokenIn, type Person, procedureSteps } from '../../scripts/procedure.js';
import type { CaughtMail } from '../../server/embedded/mail-catcher.js';
import { ADMIN, eventually, harness, mailTo } from './harness.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API as a client would; `body` is sent as JSON unless `raw` or a multipart `form` is given. */
// biome-ignore lint/suspicious/noExplicitAny: as above
export async function call<T = any>(
  method: string,
  path: string,
  opts: {
    token?: string;
    body?: unknown;
    raw?: string | Buffer;
    form?: FormData;
    headers?: Record<string, string>;
    /** Another platform than the test run's own (one started by a test). */
    base?: string;
  } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | Buffer | FormData | undefined = opts.form ?? opts.raw;
  if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const url = /^\/(healthz|readyz|dev|metrics|docs|openapi|admin)/.test(path) ? path : `/api/v1${path}`;
  const res = await fetch(`${opts.base ?? harness().baseUrl}${url}`, {
    method,
    headers,
    body: payload,
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json')
    ? await res.json()
    : type.startsWith('text/') || type === ''
      ? await res.text()
      : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: body as T, headers: res.headers };
}

/** A bid with its documents, as the multipart form a client sends: the `bid` part, then each file. */
export const bidForm = (bid: object, files: UploadFile[]) => uploadForm('bid', bid, files);
/** A complaint's multipart body: its `complaint` part and its documents. */
export const complaintForm = (complaint: object, files: UploadFile[]) =>
  uploadForm('complaint', complaint, files);

/** An answer to a request, with its documents. */
export const answerForm = (answer: object, files: UploadFile[]) => uploadForm('answer', answer, files);

/** A file of an upload; `part` names its part when not `documents` (a bid's `priceDocuments`). */
type UploadFile = { filename: string; bytes: Buffer; type?: string; part?: string };

/** An upload's multipart body: its JSON part, then its files as `documents` parts. */
function uploadForm(json: string, value: object, files: UploadFile[]): FormData {
  const form = new FormData();
  form.append(json, JSON.stringify(value));
  for (const f of files)
    form.append(
      f.part ?? 'documents',
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
      f.filename,
    );
  return form;
}

/** A procurement document's multipart form: its JSON part, then the file. */
export function documentForm(document: object, file: { name: string; bytes: Buffer }): FormData {
  const form = new FormData();
  form.append('document', JSON.stringify(document));
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  return form;
}

/** A small PDF of `size` bytes (its header is what the platform reads its type from). */
export const pdfOf = (size: number, seed = 'x') =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${seed}\n`), randomBytes(size)]).subarray(0, size);

/** A session token for an email and password. */
export async function login(email: string, password: string): Promise<string> {
  const res = await call('POST', '/auth/login', { body: { email, password } });
  if (res.status !== 200)
    throw new Error(`login of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

let adminToken: string | undefined;
/** The first admin's token. */
export async function asAdmin(): Promise<string> {
  adminToken ??= await login(ADMIN.email, ADMIN.password);
  return adminToken;
}

const unique = () => randomBytes(3).toString('hex');

export type { Person } from '../../scripts/procedure.js';

/** A caught message as a person's inbox shows it: to whom, and its text. */
export const asInboxMessage = (m: CaughtMail) => {
  const to = m.parsed.to;
  return {
    to: Array.isArray(to) ? to.map((t) => t.text).join(',') : (to?.text ?? ''),
    text: m.parsed.text ?? '',
  };
};

/** Everyone's inbox in this test run: the mail the platform sent, as caught. */
export const inbox = inboxOf(() => harness().mail.messages.map(asInboxMessage));

/**
 * The token of the newest one-time link of a console page (`/account/password`…) e-mailed to an
 * address, once more than `before` messages have reached it (so that an older link is never read).
 */
export async function linkTokenAfter(email: string, before: number, page = '/account/password') {
  await eventually(() => mailTo(email).length > before);
  return (await inbox(email, linkTokenIn(page)))[1] as string;
}

/** The procedure's steps, over the test run's API and inbox. */
export const steps = procedureSteps(call, inbox);

/** Creates an organisation through the API. */
export async function newOrganisation(
  kind: 'contracting-authority' | 'hosting-entity' | 'vendor' | 'review-body',
  fields: Partial<{ name: string; country: string; publicBody: boolean; language: string }> = {},
): Promise<string> {
  return steps.organisation(await asAdmin(), {
    name: `${fields.name ?? kind} ${unique()}`,
    kind,
    country: fields.country ?? 'BE',
    publicBody: fields.publicBody ?? kind !== 'vendor',
    email: `contact-${unique()}@org.test`,
    language: fields.language ?? 'en',
  });
}

/** Creates a user in an organisation and signs them in. */
export async function newPerson(
  role: 'admin' | 'procurement-officer' | 'evaluator' | 'entity-representative' | 'vendor' | 'review-body',
  organisationId: string,
  language = 'en',
): Promise<Person> {
  return steps.person(await asAdmin(), {
    role,
    organisationId,
    language,
    email: `${role}-${unique()}@people.test`,
    name: `${role} ${unique()}`,
    password: `password-${unique()}-long`,
  });
}

/** A committee's evaluators: `count` people of the Centre with the evaluator role, one after another. */
export async function evaluatorsOf(centre: string, count = 3): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) people.push(await newPerson('evaluator', centre));
  return people;
}

/** What every notice needs before the first is published: the Centre's details and a review body. */
export async function preparePublication(): Promise<string> {
  return steps.publicationDetails(await asAdmin(), await centreId(), 'registry@review.test');
}

/** The Centre (the contracting authority created with the first admin). */
export async function centreId(): Promise<string> {
  const res = await call('GET', '/organisations?kind=contracting-authority', { token: await asAdmin() });
  return res.body.items[0].id;
}
