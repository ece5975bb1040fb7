import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { PageHeader } from '../../components/ui.js';
import { setLanguage, useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { linkToken, PasswordTwice, usePasswordLabels, usePasswordTwice } from './PasswordFields.js';

/** A person chooses their password from the link of their invitation or of a reset, and is signed in. */
export function SetPassword() {
  const { t } = useLocale();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [token] = useState(linkToken);
  const password = usePasswordTwice();
  const labels = usePasswordLabels(true);
  const save = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/auth/password', { body: { token: token ?? '', password: password.value ?? '' } }),
      ) as Promise<{ token: string; user: { language?: string } }>,
    onSuccess: (answer) => {
      // The link is spent: it leaves the address bar and the history.
      window.history.replaceState(null, '', window.location.pathname);
      adopt(answer.token);
      if (answer.user.language) setLanguage(answer.user.language);
      navigate('/');
    },
  });
  const problem = firstProblem(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password.value) save.mutate();
  };
  return (
    <>
      <PageHeader title={t('account.setPassword.title')} />
      <div className="ecl-container ecl-u-mt-l sign-in">
        {token ? (
          <>
            <p className="ecl-u-type-paragraph">{t('account.setPassword.intro')}</p>
            {problem ? <ProblemNotice problem={problem} /> : null}
            {problem?.fieldMessage('/token') ? (
              <p className="ecl-u-type-paragraph">
                <Link className="ecl-link" to="/account/forgot">
                  {t('account.setPassword.newLink')}
                </Link>
              </p>
            ) : null}
            <form onSubmit={onSubmit}>
              <PasswordTwice state={password} labels={labels} error={problem?.fieldMessage('/password')} />
              <button
                type="submit"
                className="ecl-button ecl-button--primary"
                disabled={save.isPending || !password.value}
              >
                {t('account.setPassword.submit')}
              </button>
            </form>
          </>
        ) : (
          <Notice variant="warning" title={t('account.setPassword.noLink')}>
            <Link className="ecl-link" to="/account/forgot">
              {t('account.setPassword.newLink')}
            </Link>
          </Notice>
        )}
      </div>
    </>
  );
}
