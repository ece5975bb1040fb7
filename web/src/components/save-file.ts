import { session } from '../api/client.js';
import { type ProblemError, problemFrom } from '../lib/problems.js';

/** Saves bytes the console holds (a receipt it wrote, a letter it fetched with the session's token) as a file. */
export function saveFile(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Fetches a file of the API with the session's token (which a plain link would not send) and saves
 * it under the name the API gives; answers the problem when it is refused.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<ProblemError | null> {
  const token = session.token();
  // Signed out, a public file (a published notice) is fetched without a token.
  const res = await fetch(`/api/v1${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  if (!res.ok) return problemFrom(res.status, await res.json().catch(() => undefined));
  const name = /filename="?([^";]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveFile(name, await res.blob());
  return null;
}
