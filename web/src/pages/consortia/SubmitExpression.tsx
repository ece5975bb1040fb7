import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium } from '../../api/consortium-types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { expressionsKey } from './keys.js';
import { useResolutions } from './use-resolutions.js';

/**
 * Submitting a drafted expression of interest: for its coordinator, with what must happen first
 * (the sealed agreement, a passed resolution approving it, the call still open) said beside the button.
 */
export function SubmitExpression({
  expressionId,
  consortium,
  callOpen,
  coordinating,
}: {
  expressionId: string;
  consortium: Consortium;
  callOpen: boolean;
  coordinating: boolean;
}) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const resolutions = useResolutions(consortium.id);
  const submit = useMutation({
    mutationFn: () =>
      must(api.POST('/api/v1/expressions/{id}/submit', { params: { path: { id: expressionId } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['expression', expressionId] });
      void queries.invalidateQueries({ queryKey: expressionsKey(consortium.id) });
    },
  });
  const approved = (resolutions.data?.items ?? []).some(
    (r) => r.expressionId === expressionId && r.outcome === 'passed',
  );
  const missing = [
    ...(consortium.agreementSealed ? [] : [t('expression.needsAgreement')]),
    ...(approved ? [] : [t('expression.needsResolution')]),
    ...(callOpen ? [] : [t('expression.needsCall')]),
  ];
  const problem = firstProblem(resolutions.error, submit.error);
  return (
    <Section id="submit" title={t('expression.submitTitle')} className="ecl-u-mt-xl ecl-u-mb-xl">
      {problem ? <ProblemNotice problem={problem} /> : null}
      {coordinating ? (
        <>
          <p className="ecl-u-type-paragraph">{t('expression.submitIntro')}</p>
          {missing.length ? (
            <div id="submit-missing" className="ecl-u-mb-m">
              <p className="ecl-u-type-paragraph ecl-u-mb-xs">{t('expression.needs')}</p>
              <ul className="ecl-unordered-list">
                {missing.map((m) => (
                  <li className="ecl-unordered-list__item" key={m}>
                    {m}
                  </li>
                ))}
              </ul>
              {!approved ? (
                <Link className="ecl-link" to={`/consortia/${consortium.id}#resolutions`}>
                  {t('expression.proposeApproval')}
                </Link>
              ) : null}
            </div>
          ) : null}
          <button
            type="button"
            className="ecl-button ecl-button--primary"
            disabled={missing.length > 0 || submit.isPending}
            aria-describedby={missing.length ? 'submit-missing' : undefined}
            onClick={() => submit.mutate()}
          >
            {t('expression.submit')}
          </button>
        </>
      ) : (
        <p className="ecl-u-type-paragraph">{t('expression.onlyCoordinator')}</p>
      )}
    </Section>
  );
}
