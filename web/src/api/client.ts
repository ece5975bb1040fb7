import createClient, { type Middleware } from 'openapi-fetch';
import { ProblemError, problemFrom } from '../lib/problems.js';
import type { paths } from './schema.js';

// The API client, typed from the platform's own OpenAPI document (schema.d.ts, generated): paths,
// parameters and request bodies are checked by TypeScript. Every refusal becomes a ProblemError.

const TOKEN = 'procurement.token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN),
  set(token: string) {
    sessionStorage.setItem(TOKEN, token);
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
  },
  /** When the token stops being accepted (its `exp`), or null without one. */
  expiresAt(): number | null {
    const token = session.token();
    const payload = token?.split('.')[1];
    if (!payload) return null;
    try {
      const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
      return exp ? exp * 1000 : null;
    } catch {
      return null;
    }
  },
};

/** Told when a signed-in request is refused 401: the session has ended. */
export const sessionEnded = new EventTarget();

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) {
      session.clear();
      sessionEnded.dispatchEvent(new Event('ended'));
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** The answer's data, or the ProblemError it was refused with. */
export async function must<T>(
  answer: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await answer;
  } catch {
    throw problemFrom(0, undefined);
  }
  if (!result.response.ok) throw problemFrom(result.response.status, result.error);
  return result.data as T;
}

/** A body the typed client does not send (a multipart form, an XML document), with the session's token. */
async function postRaw<T>(path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<T> {
  const token = session.token();
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    body,
    headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  const answer = await response.json().catch(() => undefined);
  if (!response.ok) throw problemFrom(response.status, answer);
  return answer as T;
}

/** A form of fields and files sent as multipart (a bid with its documents). */
export const postForm = <T>(path: string, form: FormData) => postRaw<T>(path, form);

/** An XML document (an ESPD made elsewhere) sent as `application/xml`. */
export const postXml = <T>(path: string, xml: string) =>
  postRaw<T>(path, xml, { 'Content-Type': 'application/xml' });

export { ProblemError };
