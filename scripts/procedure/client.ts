// The API client the procedure's steps use, and what they share.

/** An HTTP client of the API: a method, a path under `/api/v1`, a token and a JSON body. */
export type Api = (
  method: string,
  path: string,
  opts?: { token?: string; body?: unknown },
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely, as a client script would
) => Promise<{ status: number; body: any }>;

/** A signed-in person of an organisation. */
export interface Person {
  token: string;
  password: string;
  id: string;
  email: string;
  name: string;
  organisationId: string;
}

export type Vote = 'yes' | 'no' | 'abstain';

/**
 * A mailbox the steps read as a person reads theirs: the text of the newest message to an address
 * that matches a pattern, once it has arrived (the development mail catcher, in the demo and tests).
 */
export type Inbox = (address: string, pattern: RegExp) => Promise<RegExpExecArray>;

/** An inbox over messages as the mail catcher keeps them (`to` and `text` of each). */
export function inboxOf(messages: () => { to: string; text: string }[]): Inbox {
  return (address, pattern) =>
    until(
      () => {
        const mine = messages().filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
        for (let i = mine.length - 1; i >= 0; i--) {
          const found = pattern.exec(mine[i]?.text ?? '');
          if (found) return found;
        }
        return undefined;
      },
      `a message to ${address} matching ${pattern}`,
      30_000,
    );
}

/** The token of a one-time link of the console's (`…/page#token=…`) in a message. */
export const linkTokenIn = (page: string) => new RegExp(`${page}#token=([A-Za-z0-9._-]+)`);

/** Waits until `check` answers something, polling; throws naming `what` after `ms`. */
export async function until<T>(
  check: () => Promise<T | undefined | false | null> | T | undefined | false | null,
  what: string,
  ms = 60_000,
): Promise<T> {
  // The machine's monotonic clock: the demo moves `Date` by days.
  const end = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the clock is past an instant. */
export async function waitUntil(iso: string): Promise<void> {
  const ms = new Date(iso).getTime() - Date.now() + 50;
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

/** The answer's body when its status is one expected, else an error naming the step. */
export async function expectAnswer(what: string, status: number, answer: ReturnType<Api>) {
  const res = await answer;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
