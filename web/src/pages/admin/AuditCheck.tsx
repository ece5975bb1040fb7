import { useMutation } from '@tanstack/react-query';
import { api, must } from '../../api/client.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';

interface Verdict {
  valid: boolean;
  events: number;
  pending: number;
  firstBroken?: { seq: number; id: string; reason: string };
}

/** The audit trail's hash chain checked on demand: how many events hold, or the first broken link. */
export function AuditCheck() {
  const { t } = useLocale();
  const verify = useMutation({
    mutationFn: () => must(api.GET('/api/v1/audit/verify')) as Promise<Verdict>,
  });
  const v = verify.data;
  const problem = firstProblem(verify.error);
  return (
    <Section id="audit" title={t('admin.audit')}>
      <p className="ecl-u-type-paragraph">{t('admin.auditIntro')}</p>
      {problem ? <ProblemNotice problem={problem} /> : null}
      <button
        type="button"
        className="ecl-button ecl-button--primary ecl-u-mb-m"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {verify.isPending ? t('admin.verifying') : t('admin.verify')}
      </button>
      {v ? (
        v.valid ? (
          <Notice variant="success" title={t('admin.valid', { count: v.events })}>
            {v.pending ? t('admin.pending', { count: v.pending }) : null}
          </Notice>
        ) : (
          <Notice variant="error" title={t('admin.broken', { seq: v.firstBroken?.seq })}>
            <span lang="en">{v.firstBroken?.reason}</span> ({v.firstBroken?.id}).{' '}
            {t('admin.validBefore', { count: v.events })}
          </Notice>
        )
      ) : null}
    </Section>
  );
}
