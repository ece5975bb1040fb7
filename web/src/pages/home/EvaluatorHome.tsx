import { Pending } from '../../components/feedback.js';
import { PageHeader } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { EvaluationTasks } from './EvaluationTasks.js';
import { useHome } from './home-types.js';

/** An evaluator's home: the declarations to make and the bids to score, with their progress. */
export function EvaluatorHome() {
  const { t } = useLocale();
  const home = useHome();
  const work = home.data?.evaluations;
  if (!work) return <Pending problem={home.error instanceof ProblemError ? home.error : undefined} />;
  return (
    <>
      <PageHeader title={t('home.title')}>{t('home.workIntro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        {work.calls.length || work.tenders.length ? (
          <EvaluationTasks work={work} />
        ) : (
          <p className="ecl-u-type-paragraph">{t('home.noEvaluations')}</p>
        )}
      </div>
    </>
  );
}
