import type { EligibilityGround } from '../api/consortium-types.js';
import { type TFunction, useLocale } from '../i18n.js';
import { type Locale, money, percent } from '../lib/format.js';

/** An eligibility ground in the reader's language. */
export function eligibilityText(g: EligibilityGround, t: TFunction, locale: Locale): string {
  if (g.code === 'over-cofunding-cap')
    return t('eligibility.over-cofunding-cap', {
      requested: money(g.requestedCents, locale),
      rate: percent(g.rate, locale),
      cap: money(g.capCents, locale),
    });
  return t(`eligibility.${g.code}`, g);
}

/** The grounds as a list, or (recorded before grounds were data) the reasons as written. */
export function EligibilityReasons({
  grounds,
  reasons,
}: {
  grounds?: EligibilityGround[];
  reasons: string[];
}) {
  const { t, locale } = useLocale();
  const lines = grounds?.length ? grounds.map((g) => eligibilityText(g, t, locale)) : reasons;
  return (
    <ul className="ecl-unordered-list reasons">
      {lines.map((line) => (
        <li className="ecl-unordered-list__item" key={line}>
          {line}
        </li>
      ))}
    </ul>
  );
}
