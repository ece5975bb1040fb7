import icons from '@ecl/preset-ec/dist/images/icons/sprites/icons.svg?url';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n.js';
import { dateTime, fixed, utc } from '../lib/format.js';

// Small pieces of the Europa Component Library, as React: icons, page headers and sections,
// status labels, instants and table headers.

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

/** Points or a score to two decimals, the full value on hover: what the officers' tables show. */
export function Points({ value, none = '—' }: { value: number | null; none?: string }) {
  const { locale } = useLocale();
  return value === null ? <>{none}</> : <span title={String(value)}>{fixed(value, locale)}</span>;
}
