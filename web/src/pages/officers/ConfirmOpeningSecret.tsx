import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import { ConfirmFromLink } from '../../components/ConfirmFromLink.js';
import { Notice } from '../../components/feedback.js';
import { PageHeader } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { RequireSignIn } from '../../session.js';
import { linkToken } from '../account/PasswordFields.js';

/** A committee member confirms, from the link e-mailed to them and signed in as themselves, a new opening secret. */
export function ConfirmOpeningSecret() {
  return (
    <RequireSignIn>
      <ConfirmOpeningSecretSigned />
    </RequireSignIn>
  );
}

function ConfirmOpeningSecretSigned() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const [token] = useState(linkToken);
  const confirm = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/opening-committee/me/confirm', {
          params: { path: { id } },
          body: { token: token ?? '' },
        }),
      ),
    onSuccess: () => window.history.replaceState(null, '', window.location.pathname),
  });
  return (
    <>
      <PageHeader title={t('opening.confirmTitle')} />
      <div className="ecl-container ecl-u-mt-l">
        <ConfirmFromLink
          hasLink={Boolean(token)}
          noLink={t('opening.noLink')}
          intro={t('opening.confirmIntro')}
          submit={t('opening.confirm')}
          done={
            confirm.isSuccess ? (
              <Notice variant="success" title={t('opening.confirmed')}>
                <Link className="ecl-link" to={`/tenders/${id}/opening`}>
                  {t('opening.link')}
                </Link>
              </Notice>
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
