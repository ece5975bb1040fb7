import type { ReactNode } from 'react';
import { MoneyField, Select, TextArea, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { cpvLabel, isCpvCode, knownCpvCodes, splitCodes } from '../../lib/cpv.js';
import type { ProblemError } from '../../lib/problems.js';

// Parts of the officers' drafting forms: lots, CPV codes, periods and times as typed.

/** A `datetime-local` value (the reader's zone) as an ISO instant; empty when not typed. */
export const instantOf = (local: string) => (local ? new Date(local).toISOString() : '');

/** An ISO instant as a `datetime-local` value in the reader's zone. */
export function localOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The reader's time zone, named in the hints of time fields. */
export const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface LotRow {
  title: string;
  value: string;
}

/** The lots of a tender, numbered in order: a title and an estimated value each. */
export function LotFields({
  lots,
  onLots,
  problem,
}: {
  lots: LotRow[];
  onLots: (lots: LotRow[]) => void;
  problem?: ProblemError;
}) {
  const { t } = useLocale();
  const change = (i: number, part: Partial<LotRow>) =>
    onLots(lots.map((l, j) => (j === i ? { ...l, ...part } : l)));
  return (
    <fieldset className="form-part">
      <legend className="ecl-u-type-heading-3">{t('draft.lots')}</legend>
      {lots.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
        <fieldset className="tool-row criterion-row" key={i}>
          <legend className="ecl-form-label">{t('tender.lot', { number: i + 1 })}</legend>
          <TextField
            id={`lot-${i}-title`}
            label={t('draft.lotTitle', { n: i + 1 })}
            size="l"
            value={l.title}
            onChange={(title) => change(i, { title })}
            error={problem?.fieldMessage(`/lots/${i}/title`)}
          />
          <MoneyField
            id={`lot-${i}-value`}
            label={t('draft.lotValue', { n: i + 1 })}
            text={l.value}
            onText={(value) => change(i, { value })}
            error={problem?.fieldMessage(`/lots/${i}/estimatedValueCents`)}
          />
          {lots.length > 1 ? (
            <button
              type="button"
              className="ecl-button ecl-button--secondary"
              onClick={() => onLots(lots.filter((_, j) => j !== i))}
            >
              {t('draft.removeLot', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="ecl-button ecl-button--secondary"
        onClick={() => onLots([...lots, { title: '', value: '' }])}
      >
        {t('draft.addLot')}
      </button>
    </fieldset>
  );
}

/** CPV codes typed in one field, each shown back with the vocabulary's label (in English). */
export function CpvField({
  text,
  onText,
  error,
}: {
  text: string;
  onText: (text: string) => void;
  error?: string;
}) {
  const { t } = useLocale();
  const codes = splitCodes(text);
  const bad = codes.filter((c) => !isCpvCode(c));
  return (
    <>
      <TextField
        id="cpv-codes"
        label={t('draft.cpv')}
        help={t('draft.cpvHint')}
        size="l"
        value={text}
        onChange={onText}
        error={bad.length ? t('draft.cpvBad', { codes: bad.join(', ') }) : error}
      />
      <details className="ecl-u-mb-m">
        <summary className="ecl-link">{t('draft.cpvKnown')}</summary>
        <ul className="ecl-unordered-list" lang="en">
          {knownCpvCodes().map(([code, label]) => (
            <li className="ecl-unordered-list__item" key={code}>
              <code>{code}</code> {label}
            </li>
          ))}
        </ul>
      </details>
      {codes.length ? (
        <ul className="ecl-unordered-list ecl-u-mb-m cpv-labels" aria-live="polite">
          {codes.filter(isCpvCode).map((c) => (
            <li className="ecl-unordered-list__item" key={c}>
              <code>{c}</code> {cpvLabel(c) ? <span lang="en">{cpvLabel(c)}</span> : t('draft.cpvUnknown')}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

const UNITS = { D: 'days', H: 'hours', M: 'minutes', S: 'seconds' } as const;
export type PeriodUnit = keyof typeof UNITS;

/** A period as an amount and a unit, as the API takes it (`P10D`, `PT20S`). */
export const periodOf = (amount: string, unit: PeriodUnit) =>
  unit === 'D' ? `P${Number(amount)}D` : `PT${Number(amount)}${unit}`;

/** An amount and its unit, side by side. */
export function PeriodField({
  id,
  label,
  amount,
  unit,
  onChange,
  help,
  error,
}: {
  id: string;
  label: string;
  amount: string;
  unit: PeriodUnit;
  onChange: (amount: string, unit: PeriodUnit) => void;
  help?: ReactNode;
  error?: string;
}) {
  const { t } = useLocale();
  return (
    <div className="criterion-row">
      <TextField
        id={id}
        label={label}
        help={help}
        error={error}
        type="number"
        size="s"
        min={0}
        value={amount}
        onChange={(a) => onChange(a, unit)}
      />
      <Select
        id={`${id}-unit`}
        label={t('draft.unit')}
        size="s"
        value={unit}
        onChange={(u) => onChange(amount, u as PeriodUnit)}
      >
        {(Object.keys(UNITS) as PeriodUnit[]).map((u) => (
          <option key={u} value={u}>
            {t(`draft.units.${UNITS[u]}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** What names a call or a tender: its reference, title and description, each with the API's message. */
export function IdentityFields({
  values,
  onChange,
  error,
}: {
  values: { reference: string; title: string; description: string };
  onChange: (part: Partial<{ reference: string; title: string; description: string }>) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useLocale();
  return (
    <>
      <TextField
        id="reference"
        label={t('draft.reference')}
        help={t('draft.referenceHint')}
        value={values.reference}
        onChange={(reference) => onChange({ reference })}
        error={error('/reference')}
      />
      <TextField
        id="title"
        label={t('draft.tenderTitle')}
        size="l"
        value={values.title}
        onChange={(title) => onChange({ title })}
        error={error('/title')}
      />
      <TextArea
        id="description"
        label={t('draft.description')}
        value={values.description}
        onChange={(description) => onChange({ description })}
        error={error('/description')}
      />
    </>
  );
}
