import type { ReactNode } from 'react';
import { ProblemError } from '../lib/problems.js';
import { Notice, ProblemNotice } from './feedback.js';

/**
 * A page opened from a one-time link that confirms something with one press: without the link it
 * says where it opens from; then the explanation and the button; then what was done.
 */
export function ConfirmFromLink({
  hasLink,
  noLink,
  intro,
  submit,
  done,
  pending,
  error,
  onConfirm,
}: {
  hasLink: boolean;
  noLink: string;
  intro: string;
  submit: string;
  /** What was done, once it is; undefined before. */
  done: ReactNode | undefined;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
}) {
  if (done) return <>{done}</>;
  if (!hasLink) return <Notice variant="warning" title={noLink} />;
  return (
    <>
      <p className="ecl-u-type-paragraph">{intro}</p>
      {error instanceof ProblemError ? <ProblemNotice problem={error} /> : null}
      <button type="button" className="ecl-button ecl-button--primary" disabled={pending} onClick={onConfirm}>
        {submit}
      </button>
    </>
  );
}
