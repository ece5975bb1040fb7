import type { ReactNode } from 'react';
import { Field, MoneyField, TextArea, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import type { ProblemError } from '../../lib/problems.js';
import { type AnswerRow, type AnswerRows, emptyRow, requirementText, shownFields } from './answer-rows.js';
import { type AskedCriterion, type EspdField, SECTIONS } from './espd-types.js';

// The vendor's ESPD response as a form, grouped as the ESPD groups its criteria: yes or no to each
// ground and criterion the tender asks for the lot, and what that answer must give besides.

function YesNo({
  c,
  value,
  onChange,
}: {
  c: AskedCriterion;
  value: string;
  onChange: (v: 'yes' | 'no') => void;
}) {
  const { t } = useLocale();
  const ground = c.kind === 'exclusion';
  return (
    <div className="espd-yes-no">
      {(['yes', 'no'] as const).map((v) => (
        <div className="ecl-radio" key={v}>
          <input
            type="radio"
            className="ecl-radio__input"
            id={`espd-${c.code}-${v}`}
            name={`espd-${c.code}`}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          <label className="ecl-radio__label" htmlFor={`espd-${c.code}-${v}`}>
            <span className="ecl-radio__box">
              <span className="ecl-radio__box-inner" />
            </span>
            <span className="ecl-radio__text">
              {t(
                ground
                  ? v === 'yes'
                    ? 'espd.yesGround'
                    : 'espd.noGround'
                  : v === 'yes'
                    ? 'espd.yesSelection'
                    : 'espd.noSelection',
              )}
            </span>
          </label>
        </div>
      ))}
    </div>
  );
}

function AnswerField({
  c,
  field,
  required,
  row,
  onRow,
  error,
}: {
  c: AskedCriterion;
  field: EspdField;
  required: boolean;
  row: AnswerRow;
  onRow: (part: Partial<AnswerRow>) => void;
  error?: string;
}) {
  const { t } = useLocale();
  const id = `espd-${c.code}-${field}`;
  const label = t(`espd.fields.${field}`);
  if (field === 'amountCents')
    return (
      <MoneyField
        id={id}
        label={label}
        text={row.amountCents}
        onText={(v) => onRow({ amountCents: v })}
        error={error}
        required={required}
      />
    );
  if (field === 'description' || field === 'selfCleaning')
    return (
      <TextArea
        id={id}
        label={label}
        rows={3}
        required={required}
        value={row[field]}
        onChange={(v) => onRow({ [field]: v })}
        error={error}
      />
    );
  if (field === 'date' || field === 'until')
    return (
      <Field id={id} label={label} error={error}>
        {(describedBy) => (
          <input
            id={id}
            type="date"
            required={required}
            className={`ecl-text-input ecl-text-input--s${error ? ' ecl-text-input--invalid' : ''}`}
            aria-describedby={describedBy}
            value={row[field]}
            onChange={(e) => onRow({ [field]: e.target.value })}
          />
        )}
      </Field>
    );
  return (
    <TextField
      id={id}
      label={label}
      size="l"
      required={required}
      value={row.evidenceUrl}
      onChange={(v) => onRow({ evidenceUrl: v })}
      error={error}
    />
  );
}

/** The ESPD's questions for the lot, grouped by the ESPD's parts, each answered yes or no and then in the words it asks. */
export function EspdForm({
  criteria,
  rows,
  onRows,
  problem,
  children,
}: {
  criteria: AskedCriterion[];
  rows: AnswerRows;
  onRows: (rows: AnswerRows) => void;
  problem?: ProblemError;
  children?: ReactNode;
}) {
  const { t, locale } = useLocale();
  const at = (code: string, field?: string) =>
    problem?.errors.find((e) => e.path === `/espd/answers/${code}${field ? `/${field}` : ''}`)?.message;
  const change = (code: string, part: Partial<AnswerRow>) =>
    onRows({ ...rows, [code]: { ...emptyRow, ...rows[code], ...part } });
  return (
    <fieldset className="form-part espd-form">
      <legend className="ecl-u-type-heading-3">{t('espd.yourEspd')}</legend>
      <p className="ecl-u-type-paragraph">{t('espd.intro')}</p>
      {children}
      {SECTIONS.map((section) => {
        const here = criteria.filter((c) => c.section === section);
        if (!here.length) return null;
        return (
          <div key={section} className="espd-section">
            <h4 className="ecl-u-type-heading-4">{t(`espd.sections.${section}`)}</h4>
            {here.map((c) => {
              const row = rows[c.code] ?? emptyRow;
              const asked = requirementText(c, t, locale);
              return (
                <fieldset
                  className="tool-row criterion-row espd-criterion"
                  key={c.code}
                  id={`espd-${c.code}`}
                >
                  <legend className="ecl-form-label">{c.name}</legend>
                  {locale === 'en' && c.description ? (
                    <p className="ecl-help-block">{c.description}</p>
                  ) : null}
                  {asked ? <p className="ecl-u-type-paragraph-s ecl-u-type-bold">{asked}</p> : null}
                  <p className="ecl-u-type-paragraph-s ecl-u-mb-xs">
                    {t(c.kind === 'exclusion' ? 'espd.groundQuestion' : 'espd.selectionQuestion')}
                  </p>
                  <YesNo c={c} value={row.answer} onChange={(answer) => change(c.code, { answer })} />
                  {at(c.code) ? <div className="ecl-feedback-message">{at(c.code)}</div> : null}
                  {shownFields(c, row).map(({ field, required }) => (
                    <AnswerField
                      key={field}
                      c={c}
                      field={field}
                      required={required}
                      row={row}
                      onRow={(part) => change(c.code, part)}
                      error={at(c.code, field)}
                    />
                  ))}
                </fieldset>
              );
            })}
          </div>
        );
      })}
    </fieldset>
  );
}
