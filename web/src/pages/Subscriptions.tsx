import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, must } from '../api/client.js';
import { Info, ProblemNotice } from '../components/feedback.js';
import { PageHeader } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';
import { useSession } from '../session.js';

/** A vendor chooses the CPV prefixes of the tenders it is e-mailed about. */
export function Subscriptions() {
  const { t } = useLocale();
  const { organisation } = useSession();
  const queries = useQueryClient();
  const [text, setText] = useState('');
  useEffect(() => setText((organisation?.cpvPrefixes ?? []).join(', ')), [organisation?.cpvPrefixes]);
  const save = useMutation({
    mutationFn: () =>
      must(
        api.PUT('/api/v1/organisations/{organisationId}/subscriptions', {
          params: { path: { organisationId: organisation?.id ?? '' } },
          body: { cpvPrefixes: text.split(/[,\s]+/).filter(Boolean) },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader title={t('subscriptions.title')}>{t('subscriptions.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l sign-in">
        {save.error instanceof ProblemError ? <ProblemNotice problem={save.error} /> : null}
        {save.isSuccess ? <Info>{t('subscriptions.saved')}</Info> : null}
        <form onSubmit={submit}>
          <div className="ecl-form-group ecl-u-mb-m">
            <label className="ecl-form-label" htmlFor="prefixes">
              {t('subscriptions.label')}
            </label>
            <div className="ecl-help-block" id="prefixes-help">
              {t('subscriptions.hint')}
            </div>
            <input
              id="prefixes"
              className="ecl-text-input ecl-text-input--l"
              aria-describedby="prefixes-help"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="ecl-button ecl-button--primary" disabled={save.isPending}>
            {t('subscriptions.save')}
          </button>
        </form>
      </div>
    </>
  );
}
