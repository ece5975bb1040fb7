import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Checkbox, Select } from '../../components/forms.js';
import { Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { PersonPicker } from './PersonPicker.js';
import { useNames } from './people.js';

/**
 * While the tender is a draft an officer seats its opening committee: at least three officers who
 * do not evaluate it, and a quorum below their number so that one lost secret never blocks the
 * opening. Members who stay keep the secret they set.
 */
export function SeatCommittee({
  tender,
  seated,
}: {
  tender: Tender;
  seated: { quorum: number; members: { userId: string }[] } | null;
}) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const evaluators = (tender.evaluators ?? []).map((e) => e.userId);
  const [chosen, setChosen] = useState<string[]>(seated?.members.map((m) => m.userId) ?? []);
  const nameOf = useNames(chosen);
  const [quorum, setQuorum] = useState(String(seated?.quorum ?? 2));
  const seat = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/opening-committee', {
          params: { path: { id: tender.id } },
          body: { userIds: chosen, quorum: Number(quorum) },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tender', tender.id] }),
  });
  const problem = firstProblem(seat.error);
  const quorums = Array.from({ length: Math.max(chosen.length - 2, 1) }, (_, i) => i + 2);
  return (
    <Section id="seat" title={seated ? t('seat.change') : t('seat.title')} className="ecl-u-mb-l">
      <p className="ecl-u-type-paragraph">{t('seat.intro')}</p>
      {problem ? <ProblemNotice problem={problem} /> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          seat.mutate();
        }}
      >
        <fieldset className="ecl-u-mb-m">
          <legend className="ecl-form-label">{t('seat.members', { count: chosen.length })}</legend>
          {chosen.map((userId) => (
            <Checkbox
              key={userId}
              id={`seat-${userId}`}
              checked
              onChange={() => setChosen((c) => c.filter((x) => x !== userId))}
            >
              {nameOf(userId)}
            </Checkbox>
          ))}
          <PersonPicker
            id="seat-officer"
            userRole="procurement-officer"
            label={t('seat.officer')}
            action={t('seat.add')}
            exclude={[...chosen, ...evaluators]}
            onPick={(u) => setChosen((c) => [...c, u.id])}
          />
        </fieldset>
        <Select id="quorum" label={t('seat.quorum')} size="s" value={quorum} onChange={setQuorum}>
          {quorums.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </Select>
        <button
          type="submit"
          className="ecl-button ecl-button--secondary"
          disabled={seat.isPending || chosen.length < 3 || Number(quorum) >= chosen.length}
        >
          {seated ? t('seat.saveAgain') : t('seat.save')}
        </button>
        {chosen.length < 3 ? <p className="ecl-u-type-paragraph-s ecl-u-mt-xs">{t('seat.atLeast')}</p> : null}
      </form>
    </Section>
  );
}
