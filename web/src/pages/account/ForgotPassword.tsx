import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { TextField } from '../../components/forms.js';
import { PageHeader } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';

/** Anyone asks for a link to choose a new password; the answer says nothing of whether the address has an account. */
export function ForgotPassword() {
  const { t } = useLocale();
  const [email, setEmail] = useState('');
  const ask = useMutation({
    mutationFn: () => must(api.POST('/api/v1/auth/reset', { body: { email: email.trim() } })),
  });
  const problem = firstProblem(ask.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  return (
    <>
      <PageHeader title={t('account.forgot.title')} />
      <div className="ecl-container ecl-u-mt-l sign-in">
        <p className="ecl-u-type-paragraph">{t('account.forgot.intro')}</p>
        {problem ? <ProblemNotice problem={problem} /> : null}
        {ask.isSuccess ? <Notice variant="success" title={t('account.forgot.sent')} /> : null}
        <form onSubmit={onSubmit}>
          <TextField
            id="email"
            type="email"
            autoComplete="username"
            label={t('account.forgot.email')}
            size="l"
            value={email}
            onChange={setEmail}
            error={problem?.fieldMessage('/email')}
          />
          <button type="submit" className="ecl-button ecl-button--primary" disabled={ask.isPending}>
            {t('account.forgot.submit')}
          </button>
        </form>
      </div>
    </>
  );
}
