import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Instant, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';

/**
 * The evaluator's sign-off: once every admissible bid has a score for every criterion, they say
 * their scores are final (asked to confirm, for it cannot be undone); the scores lock and, where
 * the tender allows it, the prices show.
 */
export function SignOff({
  tenderId,
  finalAt,
  missing,
}: {
  tenderId: string;
  finalAt: string | null;
  missing: number;
}) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const sign = useMutation({
    mutationFn: () => must(api.POST('/api/v1/tenders/{id}/sign-off', { params: { path: { id: tenderId } } })),
    onSuccess: () => {
      setConfirming(false);
      queries.invalidateQueries({ queryKey: ['scoring'] });
    },
  });
  const problem = firstProblem(sign.error);
  return (
    <Section id="sign-off" title={t('scoring.signOff')}>
      {finalAt ? (
        <Notice variant="success" title={t('scoring.finalTitle')}>
          <p className="ecl-u-type-paragraph">
            {t('scoring.finalAt')} <Instant iso={finalAt} />
          </p>
        </Notice>
      ) : (
        <>
          <p className="ecl-u-type-paragraph">{t('scoring.signOffIntro')}</p>
          {missing ? (
            <p className="ecl-u-type-paragraph" aria-live="polite">
              {t('scoring.missing', { count: missing })}
            </p>
          ) : null}
          {problem ? <ProblemNotice problem={problem} /> : null}
          {confirming ? (
            <Notice variant="warning" title={t('scoring.signOffConfirm')}>
              <button
                type="button"
                className="ecl-button ecl-button--primary ecl-u-mr-s"
                disabled={sign.isPending}
                onClick={() => sign.mutate()}
              >
                {t('scoring.signOffYes')}
              </button>
              <button
                type="button"
                className="ecl-button ecl-button--secondary"
                onClick={() => setConfirming(false)}
              >
                {t('scoring.signOffNo')}
              </button>
            </Notice>
          ) : (
            <button
              type="button"
              className="ecl-button ecl-button--primary"
              disabled={missing > 0}
              onClick={() => setConfirming(true)}
            >
              {t('scoring.signOffButton')}
            </button>
          )}
        </>
      )}
    </Section>
  );
}
