import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
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
  const problem = firstProblem(confirm.error);
  return (
    <>
      <PageHeader title={t('opening.confirmTitle')} />
      <div className="ecl-container ecl-u-mt-l">
        {confirm.isSuccess ? (
          <Notice variant="success" title={t('opening.confirmed')}>
            <Link className="ecl-link" to={`/tenders/${id}/opening`}>
              {t('opening.link')}
            </Link>
          </Notice>
        ) : !token ? (
          <Notice variant="warning" title={t('opening.noLink')} />
        ) : (
          <>
            <p className="ecl-u-type-paragraph">{t('opening.confirmIntro')}</p>
            {problem ? <ProblemNotice problem={problem} /> : null}
            <button
              type="button"
              className="ecl-button ecl-button--primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              {t('opening.confirm')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
