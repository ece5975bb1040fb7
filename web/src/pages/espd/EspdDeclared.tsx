import { TableHead } from '../../components/ui.js';
import { type TFunction, useLocale } from '../../i18n.js';
import { type Locale, money } from '../../lib/format.js';
import type { AskedCriterion, EspdAnswers } from './espd-types.js';

// What a vendor's ESPD declared, as its receipt shows it: each criterion with the answer given.

/** An answer in words: the ground applies or not, the criterion met or not, with its amount. */
export function answerText(c: AskedCriterion, answers: EspdAnswers, t: TFunction, locale: Locale): string {
  const a = answers[c.code];
  if (!a) return '—';
  const said =
    c.kind === 'exclusion'
      ? t(a.answer ? 'espd.applies' : 'espd.doesNotApply')
      : t(a.answer ? 'espd.met' : 'espd.notMet');
  return a.amountCents === undefined ? said : `${said} · ${money(a.amountCents, locale)}`;
}

/** The criteria answered and the answers, in a table. */
export function EspdDeclared({ criteria, answers }: { criteria: AskedCriterion[]; answers: EspdAnswers }) {
  const { t, locale } = useLocale();
  const answered = criteria.filter((c) => answers[c.code]);
  return (
    <table className="ecl-table ecl-u-mb-m espd-declared">
      <caption className="ecl-table__caption ecl-u-type-bold">{t('espd.declared')}</caption>
      <TableHead columns={[t('espd.criterion'), t('espd.answer')]} />
      <tbody className="ecl-table__body">
        {answered.map((c) => (
          <tr className="ecl-table__row" key={c.code}>
            <td className="ecl-table__cell" data-ecl-table-header={t('espd.criterion')}>
              {c.name}
            </td>
            <td className="ecl-table__cell" data-ecl-table-header={t('espd.answer')}>
              {answerText(c, answers, t, locale)}
              {answers[c.code]?.description ? (
                <div className="ecl-u-type-paragraph-s">{answers[c.code]?.description}</div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
