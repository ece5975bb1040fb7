import type { ReactNode } from 'react';
import { useLocale } from '../i18n.js';
import { money, parseMoney } from '../lib/format.js';
import { Icon } from './ui.js';

// The design system's form controls, as React: fields with their hint and error, amounts of money,
// drop-downs and checkboxes.

/**
 * An amount in euros as the reader types it (`1.250.000,00` in Dutch), shown back as money while
 * typed; `text` is what was typed, parsed by the caller with `parseMoney`.
 */
export function MoneyField({
  id,
  label,
  hint,
  text,
  onText,
  error,
  required = true,
}: {
  id: string;
  label: string;
  hint?: string;
  text: string;
  onText: (text: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { locale } = useLocale();
  const cents = parseMoney(text, locale);
  return (
    <Field id={id} label={label} help={cents !== null ? money(cents, locale) : hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          required={required}
          inputMode="decimal"
          className={`ecl-text-input ecl-text-input--m${error ? ' ecl-text-input--invalid' : ''}`}
          aria-describedby={describedBy}
          aria-invalid={(text !== '' && cents === null) || Boolean(error)}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A form field: its label, an optional hint and the API's message for it, linked to the control for screen readers. */
export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: ReactNode;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const describedBy =
    [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ecl-form-group ecl-u-mb-m">
      <label className="ecl-form-label" htmlFor={id}>
        {label}
      </label>
      {help ? (
        <div className="ecl-help-block" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
      {error ? (
        <div className="ecl-feedback-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

/** A labelled drop-down of the design system. */
export function Select({
  id,
  label,
  value,
  onChange,
  size = 'l',
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  size?: 's' | 'm' | 'l';
  children: ReactNode;
}) {
  return (
    <div className="ecl-form-group ecl-u-mb-m">
      <label className="ecl-form-label" htmlFor={id}>
        {label}
      </label>
      <div className={`ecl-select__container ecl-select__container--${size}`}>
        <select id={id} className="ecl-select" value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      </div>
    </div>
  );
}

/** A checkbox of the design system, its whole label clickable. */
export function Checkbox({
  id,
  checked,
  onChange,
  children,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <div className="ecl-checkbox">
      <input
        id={id}
        type="checkbox"
        className="ecl-checkbox__input"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="ecl-checkbox__label" htmlFor={id}>
        <span className="ecl-checkbox__box" aria-hidden="true">
          <Icon name="check" size="s" className="ecl-checkbox__icon" />
        </span>
        <span className="ecl-checkbox__text">{children}</span>
      </label>
    </div>
  );
}

/** A labelled text input (or number, date-time) with its hint and error. */
export function TextField({
  id,
  label,
  value,
  onChange,
  help,
  error,
  type = 'text',
  size = 'm',
  required = true,
  min,
  max,
  step,
  autoComplete,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string;
  autoComplete?: string;
  type?: 'text' | 'number' | 'datetime-local' | 'email' | 'password' | 'search';
  size?: 's' | 'm' | 'l';
  required?: boolean;
  min?: number;
  max?: number;
  step?: string;
}) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type={type}
          autoComplete={autoComplete}
          required={required}
          min={min}
          max={max}
          step={step}
          className={`ecl-text-input ecl-text-input--${size}${error ? ' ecl-text-input--invalid' : ''}`}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled text area with its hint and error. */
export function TextArea({
  id,
  label,
  value,
  onChange,
  help,
  error,
  rows = 4,
  required = true,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: ReactNode;
  error?: string;
  rows?: number;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          rows={rows}
          required={required}
          className={`ecl-text-area ecl-text-area--l${error ? ' ecl-text-area--invalid' : ''}`}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
