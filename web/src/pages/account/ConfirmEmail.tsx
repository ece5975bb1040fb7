import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { PageHeader } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { linkToken } from './PasswordFields.js';

/** A person confirms their new address from the link sent to it; the old address is told. */
export function ConfirmEmail() {
  const { t } = useLocale();
  const [token] = useState(linkToken);
  const confirm = useMutation({
    mutationFn: () =>
      must(api.POST('/api/v1/auth/email', { body: { token: token ?? '' } })) as Promise<{ email: string }>,
    onSuccess: () => window.history.replaceState(null, '', window.location.pathname),
  });
  const problem = firstProblem(confirm.error);
  return (
    <>
      <PageHeader title={t('account.confirmEmail.title')} />
      <div className="ecl-container ecl-u-mt-l sign-in">
        {!token && !confirm.isSuccess ? (
          <Notice variant="warning" title={t('account.confirmEmail.noLink')} />
        ) : confirm.data ? (
          <Notice variant="success" title={t('account.confirmEmail.done', { email: confirm.data.email })} />
        ) : (
          <>
            <p className="ecl-u-type-paragraph">{t('account.confirmEmail.intro')}</p>
            {problem ? <ProblemNotice problem={problem} /> : null}
            <button
              type="button"
              className="ecl-button ecl-button--primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              {t('account.confirmEmail.submit')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
