import { useState } from 'react';
import { TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';

/** A new password typed twice; `value` is the password once both agree and it is long enough, else null. */
export function usePasswordTwice() {
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  return {
    next,
    again,
    setNext,
    setAgain,
    value: next.length >= 12 && next === again ? next : null,
    differ: again.length > 0 && again !== next,
    clear() {
      setNext('');
      setAgain('');
    },
  };
}

/** The two fields of a new password, with its hint, and the API's message for `/password`. */
export function PasswordTwice({
  state,
  labels,
  error,
}: {
  state: ReturnType<typeof usePasswordTwice>;
  labels: { next: string; hint: string; again: string; differ: string };
  error?: string;
}) {
  return (
    <>
      <TextField
        id="new-password"
        type="password"
        autoComplete="new-password"
        label={labels.next}
        help={labels.hint}
        size="l"
        value={state.next}
        onChange={state.setNext}
        error={error}
      />
      <TextField
        id="new-password-again"
        type="password"
        autoComplete="new-password"
        label={labels.again}
        size="l"
        value={state.again}
        onChange={state.setAgain}
        error={state.differ ? labels.differ : undefined}
      />
    </>
  );
}

/** The token of a one-time link, read from the page's fragment (which no server ever receives). */
export function linkToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && /^[A-Za-z0-9._-]+$/.test(token) ? token : null;
}

/** The labels of a new password: changing one's own, or choosing one from a link. */
export function usePasswordLabels(choosing: boolean) {
  const { t } = useLocale();
  return choosing
    ? {
        next: t('account.setPassword.next'),
        hint: t('account.setPassword.nextHint'),
        again: t('account.setPassword.again'),
        differ: t('account.setPassword.differ'),
      }
    : {
        next: t('account.password.next'),
        hint: t('account.password.nextHint'),
        again: t('account.password.again'),
        differ: t('account.password.differ'),
      };
}
