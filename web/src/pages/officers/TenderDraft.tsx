import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Expression } from '../../api/consortium-types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Select, TextArea, TextField } from '../../components/forms.js';
import { PageHeader, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { splitCodes } from '../../lib/cpv.js';
import { money, parseMoney, percent } from '../../lib/format.js';
import { CriteriaFields, type CriterionRow, criteriaOf, emptyCriterion } from './CriteriaFields.js';
import {
  CpvField,
  IdentityFields,
  instantOf,
  LotFields,
  type LotRow,
  PeriodField,
  type PeriodUnit,
  periodOf,
  zone,
} from './draft-parts.js';
import { EspdRequestFields } from './EspdRequestFields.js';
import { emptyEspd, espdOf, useEspdAvailable } from './espd-draft.js';
import { emptyPublication, PublicationFields, publicationOf } from './PublicationFields.js';

/**
 * An officer drafts the tender of a selected expression of interest: its lots, CPV codes (with
 * their labels), deadlines, and how bids are judged, the quality/price split and the criteria
 * checked as they are typed. The draft is then prepared and published from its page.
 */
export function TenderDraft() {
  const [search] = useSearchParams();
  const expressionId = search.get('expression') ?? '';
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const expression = useQuery({
    queryKey: ['expression', expressionId],
    enabled: Boolean(expressionId),
    queryFn: () =>
      must(
        api.GET('/api/v1/expressions/{id}', { params: { path: { id: expressionId } } }),
      ) as Promise<Expression>,
  });
  const [f, setF] = useState({
    reference: '',
    title: '',
    description: '',
    cpv: '',
    questionsDeadline: '',
    submissionDeadline: '',
    openingAt: '',
    standstill: '10',
    standstillUnit: 'D' as PeriodUnit,
    quality: '60',
    threshold: '50',
    priceToEvaluators: 'after-sign-off' as 'after-sign-off' | 'never',
  });
  const set = (part: Partial<typeof f>) => setF((x) => ({ ...x, ...part }));
  const [lots, setLots] = useState<LotRow[]>([{ title: '', value: '' }]);
  const [criteria, setCriteria] = useState<CriterionRow[]>([emptyCriterion()]);
  const [selection, setSelection] = useState('');
  const [publication, setPublication] = useState(emptyPublication);
  const [espd, setEspd] = useState(emptyEspd);
  const espdAvailable = useEspdAvailable();
  const quality = Number(f.quality);
  const splitBad = f.quality === '' || !(quality >= 0 && quality <= 100);
  const thresholdBad = f.threshold === '' || !(Number(f.threshold) >= 0 && Number(f.threshold) <= 100);
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders', {
          body: {
            expressionId,
            reference: f.reference.trim(),
            title: f.title.trim(),
            description: f.description.trim(),
            cpvCodes: splitCodes(f.cpv),
            ...publicationOf(publication),
            lots: lots.map((l, i) => ({
              number: i + 1,
              title: l.title.trim(),
              estimatedValueCents: parseMoney(l.value, locale) ?? 0,
            })),
            questionsDeadline: instantOf(f.questionsDeadline),
            submissionDeadline: instantOf(f.submissionDeadline),
            ...(f.openingAt ? { openingAt: instantOf(f.openingAt) } : {}),
            standstillPeriod: periodOf(f.standstill, f.standstillUnit),
            award: {
              qualityWeight: quality / 100,
              priceWeight: (100 - quality) / 100,
              qualityThreshold: Number(f.threshold) / 100,
              criteria: criteriaOf(criteria),
              priceToEvaluators: f.priceToEvaluators,
            },
            selectionCriteria: selection
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
              .map((title, i) => ({ key: `s${i + 1}`, title })),
            ...espdOf(espd, espdAvailable, locale),
          },
        }),
      ) as Promise<{ id: string }>,
    onSuccess: (tender) => navigate(`/tenders/${tender.id}`),
  });
  const problem = firstProblem(expression.error, create.error);
  const field = (path: string) => problem?.fieldMessage(path);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const timeHint = t('draft.zone', { zone: zone() });
  const x = expression.data;
  return (
    <>
      <PageHeader title={t('draft.title')}>{t('draft.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        {x ? (
          <p className="ecl-u-type-paragraph">
            {t('draft.for', { summary: x.summary })}{' '}
            <Link className="ecl-link" to={`/expressions/${x.id}`}>
              {t('draft.readExpression')}
            </Link>{' '}
            · {t('draft.requested', { amount: money(x.requestedEuContributionCents, locale) })}
          </p>
        ) : null}
        {problem ? <ProblemNotice problem={problem} /> : null}
        <form onSubmit={onSubmit} className="bid-form" noValidate>
          <Section id="draft-tender" title={t('draft.what')}>
            <IdentityFields values={f} onChange={set} error={field} />
            <CpvField text={f.cpv} onText={(cpv) => set({ cpv })} error={field('/cpvCodes')} />
            <LotFields lots={lots} onLots={setLots} problem={problem} />
          </Section>
          <Section id="draft-publication" title={t('publicationFields.title')}>
            <PublicationFields
              values={publication}
              onChange={(part) => setPublication((v) => ({ ...v, ...part }))}
              error={field}
            />
          </Section>
          <Section id="draft-dates" title={t('tender.dates')}>
            {(['questionsDeadline', 'submissionDeadline', 'openingAt'] as const).map((k) => (
              <TextField
                key={k}
                id={k}
                type="datetime-local"
                step="1"
                required={k !== 'openingAt'}
                label={t(`draft.${k}`)}
                help={k === 'openingAt' ? `${t('draft.openingHint')} ${timeHint}` : timeHint}
                value={f[k]}
                onChange={(v) => set({ [k]: v } as Partial<typeof f>)}
                error={field(`/${k}`)}
              />
            ))}
            <PeriodField
              id="standstill"
              label={t('tender.standstill')}
              help={t('draft.standstillHint')}
              amount={f.standstill}
              unit={f.standstillUnit}
              onChange={(standstill, standstillUnit) => set({ standstill, standstillUnit })}
              error={field('/standstillPeriod')}
            />
          </Section>
          <Section id="draft-award" title={t('draft.judged')}>
            <TextField
              id="quality-weight"
              label={t('draft.quality')}
              type="number"
              size="s"
              min={0}
              max={100}
              help={
                splitBad ? undefined : t('draft.split', { price: percent((100 - quality) / 100, locale) })
              }
              value={f.quality}
              onChange={(q) => set({ quality: q })}
              error={splitBad ? t('draft.splitBad') : (field('/award/qualityWeight') ?? field('/award'))}
            />
            <TextField
              id="quality-threshold"
              label={t('draft.threshold')}
              type="number"
              size="s"
              min={0}
              max={100}
              help={t('draft.thresholdHint')}
              value={f.threshold}
              onChange={(threshold) => set({ threshold })}
              error={thresholdBad ? t('draft.thresholdBad') : field('/award/qualityThreshold')}
            />
            <CriteriaFields rows={criteria} onRows={setCriteria} at="/award/criteria" problem={problem} />
            <Select
              id="price-to-evaluators"
              label={t('draft.priceToEvaluators')}
              value={f.priceToEvaluators}
              onChange={(v) => set({ priceToEvaluators: v as typeof f.priceToEvaluators })}
            >
              <option value="after-sign-off">{t('draft.priceAfterSignOff')}</option>
              <option value="never">{t('draft.priceNever')}</option>
            </Select>
            <TextArea
              id="selection"
              label={t('draft.selection')}
              help={t('draft.selectionHint')}
              required={false}
              value={selection}
              onChange={setSelection}
              error={field('/selectionCriteria')}
            />
            <EspdRequestFields draft={espd} onDraft={setEspd} lots={lots.length} problem={problem} />
          </Section>
          <button
            type="submit"
            className="ecl-button ecl-button--primary"
            disabled={create.isPending || splitBad || thresholdBad || !expressionId}
          >
            {t('draft.save')}
          </button>
        </form>
      </div>
    </>
  );
}
