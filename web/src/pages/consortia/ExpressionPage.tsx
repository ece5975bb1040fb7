import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium, Expression } from '../../api/consortium-types.js';
import type { Call } from '../../api/types.js';
import { EligibilityReasons } from '../../components/eligibility.js';
import { firstProblem, Notice, Pending, ProblemNotice } from '../../components/feedback.js';
import { MoneyField, TextArea, TextField } from '../../components/forms.js';
import { Instant, PageHeader } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money, parseMoney, percent } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { ExpressionResult } from './ExpressionResult.js';
import { ExpressionView } from './ExpressionView.js';
import { consortiumKey, expressionsKey } from './keys.js';
import { SubmitExpression } from './SubmitExpression.js';
import { type CATEGORIES, emptyTool, type ToolRow, ToolRows } from './ToolRows.js';

/** The most EU money the call allows: its co-funding rate of the cost, down to the cent (as the platform counts). */
export function coFundingCap(rate: number, costCents: number): number {
  return Number((BigInt(costCents) * BigInt(Math.round(rate * 1_000_000))) / 1_000_000n);
}

/**
 * An expression of interest: drafted and edited by the coordinator while the call is open (the
 * co-funding cap computed as it is typed), submitted once a resolution approving it has passed,
 * then followed through the eligibility check and the selection.
 */
export function ExpressionPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { t, locale } = useLocale();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queries = useQueryClient();
  const expression = useQuery({
    queryKey: ['expression', id],
    enabled: Boolean(id),
    queryFn: () =>
      must(
        api.GET('/api/v1/expressions/{id}', { params: { path: { id: id ?? '' } } }),
      ) as Promise<Expression>,
    // Its eligibility is checked in the background: followed until known.
    refetchInterval: (q) => (q.state.data?.status === 'submitted' ? 2_000 : false),
  });
  const callId = expression.data?.callId ?? search.get('call') ?? '';
  const consortiumId = expression.data?.consortiumId ?? search.get('consortium') ?? '';
  const call = useQuery({
    queryKey: ['call', callId],
    enabled: Boolean(callId),
    queryFn: () => must(api.GET('/api/v1/calls/{id}', { params: { path: { id: callId } } })) as Promise<Call>,
  });
  const consortium = useQuery({
    queryKey: consortiumKey(consortiumId),
    enabled: Boolean(consortiumId),
    queryFn: () =>
      must(
        api.GET('/api/v1/consortia/{id}', { params: { path: { id: consortiumId } } }),
      ) as Promise<Consortium>,
  });

  const [summary, setSummary] = useState('');
  const [tools, setTools] = useState<ToolRow[]>([emptyTool()]);
  const [years, setYears] = useState('5');
  const [requested, setRequested] = useState('');
  const loaded = expression.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the stored draft once, when it arrives
  useEffect(() => {
    if (!loaded) return;
    setSummary(loaded.summary);
    setTools(
      loaded.tools.map((x) => ({
        category: x.category,
        description: x.description,
        cost: String(x.estimatedCostCents / 100),
      })),
    );
    setYears(String(loaded.hostingYears));
    setRequested(String(loaded.requestedEuContributionCents / 100));
  }, [loaded?.id]);

  const costs = tools.map((x) => parseMoney(x.cost, locale));
  const totalCents = costs.reduce<number>((s, c) => s + (c ?? 0), 0);
  const requestedCents = parseMoney(requested, locale);
  const body = () => ({
    summary,
    tools: tools.map((x, i) => ({
      category: x.category as (typeof CATEGORIES)[number],
      description: x.description,
      estimatedCostCents: costs[i] ?? Number.NaN,
    })),
    hostingYears: Number(years),
    requestedEuContributionCents: requestedCents ?? Number.NaN,
  });
  const save = useMutation({
    mutationFn: () =>
      id
        ? (must(
            api.PATCH('/api/v1/expressions/{id}', { params: { path: { id } }, body: body() }),
          ) as Promise<Expression>)
        : (must(
            api.POST('/api/v1/calls/{id}/expressions', {
              params: { path: { id: callId } },
              body: { consortiumId, ...body() },
            }),
          ) as Promise<Expression>),
    onSuccess: (x) => {
      queries.setQueryData(['expression', x.id], x);
      void queries.invalidateQueries({ queryKey: expressionsKey(consortiumId) });
      // The new draft gets its own address; the page there says it is saved.
      if (!id) navigate(`/expressions/${x.id}`, { replace: true, state: { saved: true } });
    },
  });
  const problem = firstProblem(expression.error, call.error, consortium.error, save.error);
  if ((id && !expression.data) || !call.data || !consortium.data) return <Pending problem={problem} />;
  const c = call.data;
  const x = expression.data;
  const status = x?.status ?? 'draft';
  const coordinating =
    user?.role === 'entity-representative' && user.organisationId === consortium.data.coordinatorId;
  const editable = coordinating && status === 'draft';
  const cap = coFundingCap(c.cofundingRate, totalCents);
  const overCap = requestedCents !== null && requestedCents > cap;
  const fieldError = (path: string) =>
    save.error instanceof ProblemError ? save.error.fieldMessage(path) : undefined;
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        title={x ? t('expression.title', { call: c.reference }) : t('expression.titleNew')}
        meta={t(`expression.state.${status}`)}
      >
        {t('expression.for')} {c.reference} — {c.title}. {t('expression.closes')} <Instant iso={c.closesAt} />
        .
      </PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <p className="ecl-u-type-paragraph">
          <Link className="ecl-link" to={`/consortia/${consortiumId}`}>
            {t('resolution.back')}: {consortium.data.name}
          </Link>
        </p>
        {problem ? <ProblemNotice problem={problem} /> : null}
        {(save.isSuccess || (location.state as { saved?: boolean } | null)?.saved) && status === 'draft' ? (
          <Notice variant="success" title={t('expression.saved')} />
        ) : null}
        {status === 'eligible' ? <Notice variant="success" title={t('expression.status.eligible')} /> : null}
        {status === 'ineligible' && x?.eligibility ? (
          <Notice variant="warning" title={t('expression.status.ineligible')}>
            {t('expression.reasons')}
            <EligibilityReasons grounds={x.eligibility.grounds} reasons={x.eligibility.reasons} />
          </Notice>
        ) : null}
        {status === 'submitted' ? <Notice variant="info" title={t('expression.status.submitted')} /> : null}
        {x && (status === 'selected' || status === 'not-selected') ? (
          <ExpressionResult expression={x} />
        ) : null}

        {x && !editable ? <ExpressionView expression={x} call={c} /> : null}
        {x && !editable ? null : (
          <form
            onSubmit={onSave}
            className="narrow-form expression-form"
            aria-label={t('expression.titleNew')}
          >
            <fieldset disabled={!editable} className="ecl-u-border-width-0 ecl-u-pa-none">
              <TextArea
                id="summary"
                label={t('expression.summary')}
                rows={5}
                value={summary}
                onChange={setSummary}
                error={fieldError('/summary')}
              />
              <h2 className="ecl-u-type-heading-3">{t('expression.tools')}</h2>
              <ToolRows tools={tools} onTools={setTools} editable={editable} error={fieldError} />
              <p className="ecl-u-type-paragraph ecl-u-type-bold">
                {t('expression.totalCost', { amount: money(totalCents, locale) })}
              </p>
              <TextField
                id="hosting-years"
                type="number"
                min={1}
                max={30}
                size="s"
                label={t('expression.hostingYears')}
                value={years}
                onChange={setYears}
                error={fieldError('/hostingYears')}
              />
              <MoneyField
                id="requested"
                label={t('expression.requested')}
                hint={t('vendor.priceHint')}
                text={requested}
                onText={setRequested}
                error={
                  overCap
                    ? t('expression.overCap', { cap: money(cap, locale) })
                    : fieldError('/requestedEuContributionCents')
                }
              />
              <p className="ecl-help-block ecl-u-mb-m" aria-live="polite">
                {t('expression.cap', {
                  cap: money(cap, locale),
                  rate: percent(c.cofundingRate, locale),
                  cost: money(totalCents, locale),
                })}
              </p>
              {editable ? (
                <button
                  type="submit"
                  className="ecl-button ecl-button--primary"
                  disabled={save.isPending || requestedCents === null || costs.some((k) => k === null)}
                >
                  {t('expression.save')}
                </button>
              ) : null}
            </fieldset>
          </form>
        )}

        {x && status === 'draft' ? (
          <SubmitExpression
            expressionId={x.id}
            consortium={consortium.data}
            callOpen={Date.now() < new Date(c.closesAt).getTime()}
            coordinating={coordinating}
          />
        ) : null}
      </div>
    </>
  );
}
