import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { MoneyField, TextField } from '../../components/forms.js';
import { PageHeader, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { parseMoney } from '../../lib/format.js';
import { CriteriaFields, type CriterionRow, criteriaOf, emptyCriterion } from './CriteriaFields.js';
import { IdentityFields, instantOf, zone } from './draft-parts.js';

/**
 * An officer drafts a call for expressions of interest: its window, budget, co-funding rate, the
 * Member States a consortium needs, and the criteria the evaluators score expressions on.
 */
export function CallDraft() {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const [f, setF] = useState({
    reference: '',
    title: '',
    description: '',
    opensAt: '',
    closesAt: '',
    budget: '',
    rate: '50',
    memberStates: '3',
  });
  const set = (part: Partial<typeof f>) => setF((x) => ({ ...x, ...part }));
  const [criteria, setCriteria] = useState<CriterionRow[]>([emptyCriterion()]);
  const rate = Number(f.rate);
  const rateBad = f.rate !== '' && !(rate > 0 && rate <= 100);
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/calls', {
          body: {
            reference: f.reference.trim(),
            title: f.title.trim(),
            description: f.description.trim(),
            opensAt: instantOf(f.opensAt),
            closesAt: instantOf(f.closesAt),
            budgetCents: parseMoney(f.budget, locale) ?? 0,
            cofundingRate: rate / 100,
            minMemberStates: Number(f.memberStates),
            criteria: criteriaOf(criteria),
          },
        }),
      ) as Promise<{ id: string }>,
    onSuccess: (call) => navigate(`/calls/${call.id}`),
  });
  const problem = firstProblem(create.error);
  const field = (path: string) => problem?.fieldMessage(path);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader title={t('callDraft.title')}>{t('callDraft.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        {problem ? <ProblemNotice problem={problem} /> : null}
        <form onSubmit={onSubmit} className="bid-form" noValidate>
          <Section id="call-what" title={t('callDraft.what')}>
            <IdentityFields values={f} onChange={set} error={field} />
            {(['opensAt', 'closesAt'] as const).map((k) => (
              <TextField
                key={k}
                id={k}
                type="datetime-local"
                step="1"
                label={t(`callDraft.${k}`)}
                help={t('draft.zone', { zone: zone() })}
                value={f[k]}
                onChange={(v) => set({ [k]: v } as Partial<typeof f>)}
                error={field(`/${k}`)}
              />
            ))}
          </Section>
          <Section id="call-money" title={t('callDraft.money')}>
            <MoneyField
              id="budget"
              label={t('call.budget')}
              text={f.budget}
              onText={(budget) => set({ budget })}
              error={field('/budgetCents')}
            />
            <TextField
              id="rate"
              label={t('callDraft.rate')}
              help={t('callDraft.rateHint')}
              type="number"
              size="s"
              min={1}
              max={100}
              value={f.rate}
              onChange={(r) => set({ rate: r })}
              error={rateBad ? t('callDraft.rateBad') : field('/cofundingRate')}
            />
            <TextField
              id="member-states"
              label={t('callDraft.memberStates')}
              type="number"
              size="s"
              min={1}
              max={27}
              value={f.memberStates}
              onChange={(memberStates) => set({ memberStates })}
              error={field('/minMemberStates')}
            />
          </Section>
          <CriteriaFields rows={criteria} onRows={setCriteria} at="/criteria" problem={problem} />
          <button
            type="submit"
            className="ecl-button ecl-button--primary"
            disabled={create.isPending || rateBad}
          >
            {t('draft.save')}
          </button>
        </form>
      </div>
    </>
  );
}
