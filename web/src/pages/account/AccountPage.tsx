import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { TextField } from '../../components/forms.js';
import { PageHeader, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { RequireSignIn, useSession } from '../../session.js';
import { PasswordTwice, usePasswordLabels, usePasswordTwice } from './PasswordFields.js';

/** A person changes their own password, knowing the current one; their other sessions end, this one goes on. */
function ChangePassword() {
  const { t } = useLocale();
  const { adopt } = useSession();
  const [current, setCurrent] = useState('');
  const password = usePasswordTwice();
  const labels = usePasswordLabels(false);
  const change = useMutation({
    mutationFn: () =>
      must(api.PUT('/api/v1/me/password', { body: { current, password: password.value ?? '' } })) as Promise<{
        token: string;
      }>,
    onSuccess: (answer) => {
      adopt(answer.token);
      setCurrent('');
      password.clear();
    },
  });
  const problem = firstProblem(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password.value) change.mutate();
  };
  return (
    <Section id="change-password" title={t('account.password.title')}>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {change.isSuccess ? <Notice variant="success" title={t('account.password.done')} /> : null}
      <form onSubmit={onSubmit} className="narrow-form">
        <TextField
          id="current-password"
          type="password"
          autoComplete="current-password"
          label={t('account.password.current')}
          size="l"
          value={current}
          onChange={setCurrent}
          error={problem?.fieldMessage('/current')}
        />
        <PasswordTwice state={password} labels={labels} error={problem?.fieldMessage('/password')} />
        <button
          type="submit"
          className="ecl-button ecl-button--primary"
          disabled={change.isPending || !current || !password.value}
        >
          {t('account.password.submit')}
        </button>
      </form>
    </Section>
  );
}

/** A person asks to sign in with another address; it changes once confirmed from that address. */
function ChangeEmail({ email }: { email: string }) {
  const { t } = useLocale();
  const [f, setF] = useState({ email: '', password: '' });
  const ask = useMutation({
    mutationFn: () =>
      must(
        api.PUT('/api/v1/me/email', { body: { email: f.email.trim(), password: f.password } }),
      ) as Promise<{
        pendingEmail: string;
      }>,
    onSuccess: () => setF({ email: '', password: '' }),
  });
  const problem = firstProblem(ask.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  return (
    <Section id="change-email" title={t('account.email.title')}>
      <p className="ecl-u-type-paragraph">{t('account.email.current', { email })}</p>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {ask.data ? (
        <Notice variant="success" title={t('account.email.sent', { email: ask.data.pendingEmail })} />
      ) : null}
      <form onSubmit={onSubmit} className="narrow-form">
        <TextField
          id="new-email"
          type="email"
          autoComplete="email"
          label={t('account.email.next')}
          size="l"
          value={f.email}
          onChange={(v) => setF((x) => ({ ...x, email: v }))}
          error={problem?.fieldMessage('/email')}
        />
        <TextField
          id="email-password"
          type="password"
          autoComplete="current-password"
          label={t('account.email.password')}
          help={t('account.email.passwordHint')}
          size="l"
          value={f.password}
          onChange={(v) => setF((x) => ({ ...x, password: v }))}
          error={problem?.fieldMessage('/password')}
        />
        <button type="submit" className="ecl-button ecl-button--primary" disabled={ask.isPending}>
          {t('account.email.submit')}
        </button>
      </form>
    </Section>
  );
}

/** My account: my password and my address, which only I change. */
export function AccountPage() {
  return (
    <RequireSignIn>
      <AccountPageSigned />
    </RequireSignIn>
  );
}

function AccountPageSigned() {
  const { t } = useLocale();
  const { user } = useSession();
  return (
    <>
      <PageHeader title={t('account.title')}>{t('account.intro')}</PageHeader>
      <div className="ecl-container">
        <ChangePassword />
        <ChangeEmail email={user?.email ?? ''} />
      </div>
    </>
  );
}
