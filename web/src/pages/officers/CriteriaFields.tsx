import type { Criterion } from '../../api/types.js';
import { TextField } from '../../components/forms.js';
import { type TFunction, useLocale } from '../../i18n.js';
import { percent } from '../../lib/format.js';
import type { ProblemError } from '../../lib/problems.js';

/** One criterion as typed: numbers are the inputs' text until sent. */
export interface CriterionRow {
  title: string;
  weight: string;
  maxScore: string;
  threshold: string;
}

export const emptyCriterion = (): CriterionRow => ({ title: '', weight: '', maxScore: '10', threshold: '0' });

/** A criterion's key from its title (`Detection coverage` → `detection-coverage`), unique in the list. */
export function criterionKeys(rows: CriterionRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base =
      r.title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 34) || 'criterion';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The criteria as the API takes them. */
export function criteriaOf(rows: CriterionRow[]): Criterion[] {
  const keys = criterionKeys(rows);
  return rows.map((r, i) => ({
    key: keys[i] as string,
    title: r.title.trim(),
    weight: Number(r.weight),
    maxScore: Number(r.maxScore),
    threshold: Number(r.threshold),
  }));
}

/** What is wrong with a typed criterion, field by field, before anything is sent. */
export function criterionErrors(r: CriterionRow, t: TFunction): Partial<Record<keyof CriterionRow, string>> {
  const weight = Number(r.weight);
  const max = Number(r.maxScore);
  const threshold = Number(r.threshold);
  return {
    ...(r.weight !== '' && !(weight > 0) ? { weight: t('criteria.positive') } : {}),
    ...(r.maxScore !== '' && !(max > 0) ? { maxScore: t('criteria.positive') } : {}),
    ...(r.threshold !== '' && (threshold < 0 || threshold > max)
      ? { threshold: t('criteria.thresholdRange', { max: r.maxScore }) }
      : {}),
  };
}

/**
 * The criteria of a call or a tender: title, weight, maximum score and elimination threshold each,
 * with each criterion's share of the weights shown as it is typed; the API's messages for a
 * criterion (`{at}/2/threshold`) stand beside its field.
 */
export function CriteriaFields({
  rows,
  onRows,
  at,
  problem,
}: {
  rows: CriterionRow[];
  onRows: (rows: CriterionRow[]) => void;
  at: string;
  problem?: ProblemError;
}) {
  const { t, locale } = useLocale();
  const total = rows.reduce((s, r) => s + Math.max(Number(r.weight) || 0, 0), 0);
  const change = (i: number, part: Partial<CriterionRow>) =>
    onRows(rows.map((r, j) => (j === i ? { ...r, ...part } : r)));
  return (
    <fieldset className="form-part">
      <legend className="ecl-u-type-heading-3">{t('criteria.title')}</legend>
      <p className="ecl-u-type-paragraph">{t('criteria.intro')}</p>
      {rows.map((r, i) => {
        const errors = criterionErrors(r, t);
        const api = (field: string) => problem?.fieldMessage(`${at}/${i}/${field}`);
        const n = i + 1;
        const share = Number(r.weight) > 0 && total > 0 ? Number(r.weight) / total : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <fieldset className="tool-row criterion-row" key={i}>
            <legend className="ecl-form-label">
              {t('criteria.criterion', { n })}
              {share !== null ? ` — ${t('criteria.share', { share: percent(share, locale) })}` : ''}
            </legend>
            <TextField
              id={`criterion-${i}-title`}
              label={t('criteria.name', { n })}
              size="l"
              value={r.title}
              onChange={(title) => change(i, { title })}
              error={api('title') ?? api('key')}
            />
            <TextField
              id={`criterion-${i}-weight`}
              label={t('criteria.weight', { n })}
              type="number"
              size="s"
              min={0}
              step="any"
              value={r.weight}
              onChange={(weight) => change(i, { weight })}
              error={errors.weight ?? api('weight')}
            />
            <TextField
              id={`criterion-${i}-max`}
              label={t('criteria.maxScore', { n })}
              type="number"
              size="s"
              min={0}
              step="any"
              value={r.maxScore}
              onChange={(maxScore) => change(i, { maxScore })}
              error={errors.maxScore ?? api('maxScore')}
            />
            <TextField
              id={`criterion-${i}-threshold`}
              label={t('criteria.threshold', { n })}
              help={t('criteria.thresholdHint')}
              type="number"
              size="s"
              min={0}
              step="any"
              value={r.threshold}
              onChange={(threshold) => change(i, { threshold })}
              error={errors.threshold ?? api('threshold')}
            />
            {rows.length > 1 ? (
              <button
                type="button"
                className="ecl-button ecl-button--secondary"
                onClick={() => onRows(rows.filter((_, j) => j !== i))}
              >
                {t('criteria.remove', { n })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="ecl-button ecl-button--secondary"
        onClick={() => onRows([...rows, emptyCriterion()])}
      >
        {t('criteria.add')}
      </button>
    </fieldset>
  );
}
