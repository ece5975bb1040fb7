import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { api, must, session, sessionEnded } from './api/client.js';
import type { Organisation, User } from './api/types.js';
import { Loading } from './components/ui.js';
import { setLanguage } from './i18n.js';

// Who is signed in: the token (kept for this browser tab only), the user and organisation from
// `GET /me`, and the end of the session — at the token's expiry, or when the API refuses it.

interface Session {
  user: User | null;
  organisation: Organisation | null;
  /** True when the last session ended by itself (expiry, refusal): the sign-in page says so. */
  ended: boolean;
  signIn(email: string, password: string): Promise<User>;
  /** Takes a session the API gave another way (a password set from a link, or changed). */
  adopt(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [token, setToken] = useState(session.token());
  const [ended, setEnded] = useState(false);
  const me = useQuery({
    queryKey: ['me', token],
    enabled: Boolean(token),
    queryFn: () => must(api.GET('/api/v1/me')) as Promise<{ user: User; organisation: Organisation }>,
    // A new token of the same person (a password changed) keeps the page as it is while it is read.
    placeholderData: (previous) => previous,
  });

  const end = useCallback(
    (byItself: boolean) => {
      session.clear();
      setToken(null);
      setEnded(byItself);
      queries.clear();
    },
    [queries],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token re-arms the expiry timer
  useEffect(() => {
    const onEnded = () => end(true);
    sessionEnded.addEventListener('ended', onEnded);
    const expiresAt = session.expiresAt();
    const timer = expiresAt ? setTimeout(onEnded, Math.max(0, expiresAt - Date.now())) : undefined;
    return () => {
      sessionEnded.removeEventListener('ended', onEnded);
      if (timer) clearTimeout(timer);
    };
  }, [end, token]);

  useEffect(() => {
    if (me.data?.user.language) setLanguage(me.data.user.language);
  }, [me.data?.user.language]);

  const value = useMemo<Session>(
    () => ({
      user: token ? (me.data?.user ?? null) : null,
      organisation: token ? (me.data?.organisation ?? null) : null,
      ended,
      async signIn(email, password) {
        const answer = (await must(api.POST('/api/v1/auth/login', { body: { email, password } }))) as {
          token: string;
          user: User;
        };
        session.set(answer.token);
        setEnded(false);
        setToken(answer.token);
        setLanguage(answer.user.language);
        return answer.user;
      },
      adopt(next) {
        session.set(next);
        setEnded(false);
        setToken(next);
      },
      signOut: () => end(false),
    }),
    [token, me.data, ended, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/**
 * A page for the signed-in only: while the session loads it waits; signed out, the sign-in page
 * brings the reader back here afterwards, link fragment included (a confirmation's token).
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { pathname, hash } = useLocation();
  if (user) return <>{children}</>;
  if (session.token()) return <Loading />;
  return <Navigate replace to={`/sign-in?next=${encodeURIComponent(pathname + hash)}`} />;
}
