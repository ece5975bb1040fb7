import type { ReactNode } from 'react';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';
import { Icon, Loading } from './ui.js';

// What the console tells its reader: the API's refusals explained, notifications, and what a page
// shows while it waits.

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
