import type { ReactNode } from 'react';
import { useLocale } from '../i18n.js';
import { ProblemError } from '../lib/problems.js';
import { Icon, Loading } from './ui.js';

// What the console tells its reader: the API's refusals explained, notifications, and what a page
// shows while it waits.

/** A refusal's heading in the reader's language, by its HTTP status. */
function headingOf(status: number): string | undefined {
  if (status === 0) return 'offline';
  if (status === 400 || status === 422) return 'invalid';
  return {
    401: 'signIn',
    403: 'forbidden',
    404: 'notFound',
    409: 'conflict',
    413: 'tooLarge',
    429: 'busy',
    503: 'busy',
  }[status];
}

/**
 * A refusal from the API, explained: a heading in the reader's language, the API's detail and each
 * named field. The API words its refusals in English; in another language they are marked so and
 * announced as English.
 */
export function ProblemNotice({ problem }: { problem: ProblemError }) {
  const { t, locale } = useLocale();
  if (problem.worded) return <Refusal title={problem.title} />;
  if (problem.status === 0)
    return <Refusal title={t('problem.status.offline')} detail={t('problem.offline')} />;
  const heading = headingOf(problem.status);
  return (
    <div className="ecl-notification ecl-notification--error ecl-u-mb-l" role="alert">
      <Icon name="error" size="l" className="ecl-notification__icon" />
      <div className="ecl-notification__content">
        <div className="ecl-notification__title">
          {heading ? t(`problem.status.${heading}`) : t('problem.title')}
        </div>
        <div className="ecl-notification__description">
          {locale !== 'en' && problem.detail ? (
            <span className="ecl-u-type-paragraph-s ecl-u-d-block">{t('problem.inEnglish')}</span>
          ) : null}
          <span lang="en">{problem.detail}</span>
          {problem.errors.length ? (
            <>
              <p className="ecl-u-mt-xs ecl-u-mb-none">{t('problem.fields')}</p>
              <ul className="ecl-unordered-list">
                {problem.errors.map((e) => (
                  <li className="ecl-unordered-list__item" key={e.path + e.message}>
                    <code>{e.path}</code> <span lang="en">{e.message}</span>
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

/** A refusal the console words itself, in the reader's language. */
function Refusal({ title, detail }: { title: string; detail?: string }) {
  return (
    <div className="ecl-notification ecl-notification--error ecl-u-mb-l" role="alert">
      <Icon name="error" size="l" className="ecl-notification__icon" />
      <div className="ecl-notification__content">
        <div className="ecl-notification__title">{title}</div>
        {detail ? <div className="ecl-notification__description">{detail}</div> : null}
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
