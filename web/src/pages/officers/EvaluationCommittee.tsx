import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Tender } from '../../api/types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { PersonPicker } from './PersonPicker.js';
import { useNames } from './people.js';

type Seat = NonNullable<Tender['evaluators']>[number];

/**
 * The evaluation committee of a call or a tender: who sits on it and their declarations of
 * interests; an officer assigns more until the committee is fixed.
 */
export function EvaluationCommittee({
  seats,
  open,
  assign: assignTo,
  refresh,
}: {
  seats: Seat[];
  open: boolean;
  assign: (userId: string) => Promise<unknown>;
  refresh: unknown[];
}) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const nameOf = useNames(seats.map((s) => s.userId));
  const assign = useMutation({
    mutationFn: assignTo,
    onSuccess: () => queries.invalidateQueries({ queryKey: refresh }),
  });
  const problem = firstProblem(assign.error);
  return (
    <Section id="evaluators" title={t('office.evaluators')}>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {seats.length ? (
        <table className="ecl-table ecl-table--zebra ecl-u-mb-m">
          <TableHead columns={[t('office.evaluator'), t('office.assigned'), t('office.declaration')]} />
          <tbody className="ecl-table__body">
            {seats.map((s) => (
              <tr className="ecl-table__row" key={s.userId}>
                <td className="ecl-table__cell">{nameOf(s.userId)}</td>
                <td className="ecl-table__cell">
                  <Instant iso={s.assignedAt} />
                </td>
                <td className="ecl-table__cell">
                  {!s.declared
                    ? t('office.notDeclared')
                    : s.conflict
                      ? t('office.conflict')
                      : t('office.clean')}
                  {s.declaredAt ? (
                    <>
                      {' '}
                      (<Instant iso={s.declaredAt} />)
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('office.noEvaluators')}</p>
      )}
      {open ? (
        <PersonPicker
          id="evaluator"
          userRole="evaluator"
          label={t('office.choose')}
          action={t('office.assign')}
          exclude={seats.map((s) => s.userId)}
          pending={assign.isPending}
          onPick={(u) => assign.mutate(u.id)}
        />
      ) : null}
    </Section>
  );
}
