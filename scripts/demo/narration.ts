// What every chapter of the demo shares: the narration, the API client and the procedure's steps.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Api, inboxOf, procedureSteps } from '../procedure.js';

/** This run's suffix, so that names and e-mails are new on every run. */
export const run = randomBytes(3).toString('hex');
export const dataDir = path.resolve(process.env.DATA_DIR ?? '.data', 'demo');
let base = '';
/** Where the demo's platform answers. */
export const useBaseUrl = (url: string) => {
  base = url;
};
export const say = (text = '') => console.log(text);
export const step = (n: number, text: string) => say(`\n\x1b[1m${n}. ${text}\x1b[0m`);
export const DAY = 86_400_000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const euro = (cents: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
export const pad = (s: unknown, n: number) =>
  String(s ?? '—')
    .padEnd(n)
    .slice(0, n);

/** Who signed in with which token, so that a session the demo's clock has outlived is renewed. */
const sessions = new Map<string, { email: string; password: string }>();
const renewed = new Map<string, string>();

/** Remembers a session's credentials (the people of the story, the administrator). */
export function remember(token: string, credentials: { email: string; password: string }): void {
  sessions.set(token, credentials);
}

async function send(method: string, url: string, token: string | undefined, body: unknown) {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely, as a client script would
    body: (type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())) as any,
  };
}

/**
 * The API as the procedure's steps call it: a status and a body, whatever the status. A session of
 * eight hours ends when the demo moves its clock by days: its person signs in again, as they would.
 */
export const client: Api = async (method, url, opts = {}) => {
  const token = opts.token && (renewed.get(opts.token) ?? opts.token);
  const res = await send(method, url, token, opts.body);
  const credentials = opts.token ? sessions.get(opts.token) : undefined;
  if (res.status !== 401 || !opts.token || !credentials) return res;
  const login = await send('POST', '/auth/login', undefined, credentials);
  if (login.status !== 200) return res;
  renewed.set(opts.token, login.body.token);
  return send(method, url, login.body.token, opts.body);
};
let mailbox: () => { to: string; text: string }[] = () => [];
/** The mail the demo's people receive: the demo platform's mail catcher. */
export const useMailbox = (messages: () => { to: string; text: string }[]) => {
  mailbox = messages;
};

export const steps = procedureSteps(
  client,
  inboxOf(() => mailbox()),
);

/** One call of the API for the story's own reads; a refusal throws unless it is allowed. */
export async function api(
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  allowFailure = false,
  // biome-ignore lint/suspicious/noExplicitAny: the demo reads answers loosely, as a script would
): Promise<any> {
  const res = await client(method, url, { token, body });
  if (res.status >= 400 && !allowFailure) {
    throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export async function person(
  admin: string,
  role: string,
  organisationId: string,
  name: string,
  language = 'en',
) {
  const local = name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  const made = await steps.person(admin, {
    role,
    organisationId,
    name,
    language,
    email: `${local}.${run}@demo.eu`,
    password: `demo-${run}-password`,
  });
  remember(made.token, { email: made.email, password: made.password });
  return made;
}

export function organisation(
  admin: string,
  name: string,
  kind: string,
  country: string,
  language = 'en',
  publicBody = true,
) {
  return steps.organisation(admin, {
    name: `${name} ${run}`,
    kind,
    country,
    publicBody,
    email: `contact.${run}@${country.toLowerCase()}.demo.eu`,
    language,
  });
}
