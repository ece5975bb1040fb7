import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Tender } from '../../api/types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Select } from '../../components/forms.js';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { usePeople } from './people.js';

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
  const people = usePeople('evaluator');
  const free = people.items.filter((u) => !seats.some((s) => s.userId === u.id));
  const [chosen, setChosen] = useState('');
  const assign = useMutation({
    mutationFn: assignTo,
    onSuccess: () => {
      setChosen('');
      return queries.invalidateQueries({ queryKey: refresh });
    },
  });
  const problem = firstProblem(people.error, assign.error);
  return (
    <Section id="evaluators" title={t('office.evaluators')}>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {seats.length ? (
        <table className="ecl-table ecl-table--zebra ecl-u-mb-m">
          <TableHead columns={[t('office.evaluator'), t('office.assigned'), t('office.declaration')]} />
          <tbody className="ecl-table__body">
            {seats.map((s) => (
              <tr className="ecl-table__row" key={s.userId}>
                <td className="ecl-table__cell">{people.nameOf(s.userId)}</td>
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
      {free.length && open ? (
        <form
          className="criterion-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) assign.mutate(chosen);
          }}
        >
          <Select id="evaluator" label={t('office.choose')} value={chosen} onChange={setChosen}>
            <option value="">—</option>
            {free.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </Select>
          <button
            type="submit"
            className="ecl-button ecl-button--secondary ecl-u-mb-m"
            disabled={!chosen || assign.isPending}
          >
            {t('office.assign')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
