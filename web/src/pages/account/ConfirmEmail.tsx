import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import { ConfirmFromLink } from '../../components/ConfirmFromLink.js';
import { Notice } from '../../components/feedback.js';
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
  return (
    <>
      <PageHeader title={t('account.confirmEmail.title')} />
      <div className="ecl-container ecl-u-mt-l sign-in">
        <ConfirmFromLink
          hasLink={Boolean(token)}
          noLink={t('account.confirmEmail.noLink')}
          intro={t('account.confirmEmail.intro')}
          submit={t('account.confirmEmail.submit')}
          done={
            confirm.data ? (
              <Notice
                variant="success"
                title={t('account.confirmEmail.done', { email: confirm.data.email })}
              />
            ) : undefined
          }
          pending={confirm.isPending}
          error={confirm.error}
          onConfirm={() => confirm.mutate()}
        />
      </div>
    </>
  );
}
