import { useLocale } from '../i18n.js';

// Where a vendor's bid is in the procedure, step by step.

const STEPS = ['published', 'closed', 'opened', 'evaluated', 'decided', 'contracted'] as const;

/** The lot's stage as a vendor's bid lives it: standstill and awarded are both "decided". */
function stepOf(lotStatus: string): (typeof STEPS)[number] {
  if (lotStatus === 'standstill' || lotStatus === 'awarded') return 'decided';
  return (STEPS as readonly string[]).includes(lotStatus)
    ? (lotStatus as (typeof STEPS)[number])
    : 'published';
}

/** Where the bid for a lot is: each step of the procedure, the current one marked. */
export function BidProgress({ lot, lotStatus }: { lot: number; lotStatus: string }) {
  const { t } = useLocale();
  const current = STEPS.indexOf(stepOf(lotStatus));
  return (
    <ol className="bid-progress" aria-label={t('outcome.progress', { lot })}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={i < current ? 'done' : i === current ? 'current' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          {t(`outcome.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
