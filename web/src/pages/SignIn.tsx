import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Info, ProblemNotice } from '../components/feedback.js';
import { Field } from '../components/forms.js';
import { PageHeader } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';
import { useSession } from '../session.js';

/** Signing in; afterwards back where the user was going (`?next=`), or to the board. */
export function SignIn() {
  const { t } = useLocale();
  const { signIn, ended } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email, password);
      const next = params.get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/home');
    } catch (err) {
      setProblem(
        err instanceof ProblemError && err.status === 401
          ? new ProblemError(401, err.type, t('signIn.failed'), '', [], true)
          : (err as ProblemError),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t('signIn.title')} />
      <div className="ecl-container ecl-u-mt-l sign-in">
        {ended ? <Info>{t('signIn.expired')}</Info> : null}
        {problem ? <ProblemNotice problem={problem} /> : null}
        <form onSubmit={submit} noValidate={false}>
          <Field id="email" label={t('signIn.email')}>
            {(describedBy) => (
              <input
                id="email"
                type="email"
                autoComplete="username"
                required
                aria-describedby={describedBy}
                className="ecl-text-input ecl-text-input--l"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field id="password" label={t('signIn.password')}>
            {(describedBy) => (
              <input
                id="password"
                type="password"
                autoComplete="current-password"
                required
                aria-describedby={describedBy}
                className="ecl-text-input ecl-text-input--l"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="ecl-button ecl-button--primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </form>
        <p className="ecl-u-type-paragraph ecl-u-mt-m">
          <Link className="ecl-link" to="/account/forgot">
            {t('account.forgot.link')}
          </Link>
        </p>
      </div>
    </>
  );
}
