import icons from '@ecl/preset-ec/dist/images/icons/sprites/icons.svg?url';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n.js';
import { dateTime, money, parseMoney, utc } from '../lib/format.js';
import { ProblemError } from '../lib/problems.js';

// Small pieces of the Europa Component Library, as React: icons, page headers, notifications,
// status labels and instants.

export function Icon({
  name,
  label,
  size = 's',
  className = '',
}: {
  name: string;
  label?: string;
  size?: string;
  className?: string;
}) {
  return (
    <svg
      className={`ecl-icon ecl-icon--${size} ${className}`}
      focusable="false"
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
    >
      <use href={`${icons}#${name}`} />
    </svg>
  );
}

export function PageHeader({
  title,
  meta,
  children,
}: {
  title: string;
  meta?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="ecl-page-header">
      <div className="ecl-container">
        {meta ? <div className="ecl-page-header__meta">{meta}</div> : null}
        <h1 className="ecl-page-header__title">{title}</h1>
        {children ? (
          <div className="ecl-page-header__description-container">
            <p className="ecl-page-header__description">{children}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** A refusal from the API, explained: its title and detail, and each named field. */
export function ProblemNotice({ problem }: { problem: ProblemError }) {
  const { t } = useLocale();
  return (
    <div className="ecl-notification ecl-notification--error ecl-u-mb-l" role="alert">
      <Icon name="error" size="l" className="ecl-notification__icon" />
      <div className="ecl-notification__content">
        <div className="ecl-notification__title">{problem.title || t('problem.title')}</div>
        <div className="ecl-notification__description">
          {problem.detail}
          {problem.errors.length ? (
            <>
              <p className="ecl-u-mt-xs ecl-u-mb-none">{t('problem.fields')}</p>
              <ul className="ecl-unordered-list">
                {problem.errors.map((e) => (
                  <li className="ecl-unordered-list__item" key={e.path + e.message}>
                    <code>{e.path}</code> {e.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function Info({ children }: { children: ReactNode }) {
  return (
    <div className="ecl-notification ecl-notification--info ecl-u-mb-l" role="status">
      <Icon name="information" size="l" className="ecl-notification__icon" />
      <div className="ecl-notification__content">
        <div className="ecl-notification__description">{children}</div>
      </div>
    </div>
  );
}

/** A notification of the design system: success, warning, error or information, with a title. */
export function Notice({
  variant,
  title,
  children,
}: {
  variant: 'success' | 'warning' | 'error' | 'info';
  title?: ReactNode;
  children?: ReactNode;
}) {
  const icon = { success: 'check-filled', warning: 'warning', error: 'error', info: 'information' }[variant];
  return (
    <div className={`ecl-notification ecl-notification--${variant} ecl-u-mb-l`} role="status">
      <Icon name={icon} size="l" className="ecl-notification__icon" />
      <div className="ecl-notification__content">
        {title ? <div className="ecl-notification__title">{title}</div> : null}
        {children ? <div className="ecl-notification__description">{children}</div> : null}
      </div>
    </div>
  );
}

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

/** The first refusal of the API among a page's queries and actions, to show above everything. */
export function firstProblem(...errors: unknown[]): ProblemError | undefined {
  return errors.find((e) => e instanceof ProblemError) as ProblemError | undefined;
}

/** What a page shows while what it needs is not there: the refusal that stopped it, or that it is loading. */
export function Pending({ problem }: { problem?: ProblemError }) {
  return problem ? (
    <div className="ecl-container ecl-u-mt-l">
      <ProblemNotice problem={problem} />
    </div>
  ) : (
    <Loading />
  );
}

/** A part of a page with its heading, which names it for screen readers. */
export function Section({
  id,
  title,
  className = 'ecl-u-mb-xl',
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 className="ecl-u-type-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Loading() {
  const { t } = useLocale();
  return (
    <p className="ecl-u-type-paragraph" role="status">
      {t('loading')}
    </p>
  );
}

const LABEL: Record<string, string> = {
  published: 'ecl-label--high',
  callPublished: 'ecl-label--high',
  closed: 'ecl-label--medium',
  callClosed: 'ecl-label--medium',
  cancelled: 'ecl-label--low',
};

/** A procedure's status as a label, in words. */
export function Status({ status, call = false }: { status: string; call?: boolean }) {
  const { t } = useLocale();
  const key = call
    ? ({ published: 'callPublished', closed: 'callClosed', selected: 'selected' }[status] ?? status)
    : status;
  return <span className={`ecl-label ${LABEL[key] ?? 'ecl-label--low'}`}>{t(`status.${key}`)}</span>;
}

/** An instant in the reader's zone, with the UTC time on hover. */
export function Instant({ iso }: { iso: string }) {
  const { locale } = useLocale();
  return (
    <time dateTime={iso} title={utc(iso)}>
      {dateTime(iso, locale)}
    </time>
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

/** A table's header row. */
export function TableHead({ columns }: { columns: ReactNode[] }) {
  return (
    <thead className="ecl-table__head">
      <tr className="ecl-table__row">
        {columns.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
          <th scope="col" className="ecl-table__header" key={i}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
