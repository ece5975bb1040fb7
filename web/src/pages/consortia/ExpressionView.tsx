import type { Expression } from '../../api/consortium-types.js';
import type { Call } from '../../api/types.js';
import { Instant, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money, percent } from '../../lib/format.js';

/**
 * An expression of interest as it was submitted, read-only: its summary, its tools with their
 * costs, the total, the hosting years and the EU contribution requested, against the call's cap.
 */
export function ExpressionView({ expression: x, call: c }: { expression: Expression; call: Call }) {
  const { t, locale } = useLocale();
  return (
    <Section id="expression-content" title={t('expression.content')}>
      <h3 className="ecl-u-type-heading-3">{t('expression.summary')}</h3>
      <p className="ecl-u-type-paragraph notice-text">{x.summary}</p>
      <h3 className="ecl-u-type-heading-3">{t('expression.tools')}</h3>
      <table className="ecl-table ecl-table--zebra ecl-u-mb-m">
        <TableHead columns={[t('expression.category'), t('expression.description'), t('expression.cost')]} />
        <tbody className="ecl-table__body">
          {x.tools.map((tool, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the tools are a fixed list, in their order
            <tr className="ecl-table__row" key={i}>
              <td className="ecl-table__cell">{t(`expression.categories.${tool.category}`)}</td>
              <td className="ecl-table__cell">{tool.description}</td>
              <td className="ecl-table__cell">{money(tool.estimatedCostCents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="ecl-description-list">
        {(
          [
            [t('expression.totalCostLabel'), money(x.totalEstimatedCostCents, locale)],
            [t('expression.hostingYears'), String(x.hostingYears)],
            [t('expression.requested'), money(x.requestedEuContributionCents, locale)],
            [
              t('expression.requestedShare'),
              percent(x.requestedEuContributionCents / (x.totalEstimatedCostCents || 1), locale),
            ],
            [t('expression.rate'), percent(c.cofundingRate, locale)],
          ] as const
        ).map(([term, value]) => (
          <div key={term} className="ecl-description-list__item">
            <dt className="ecl-description-list__term">{term}</dt>
            <dd className="ecl-description-list__definition">{value}</dd>
          </div>
        ))}
        {x.submittedAt ? (
          <div className="ecl-description-list__item">
            <dt className="ecl-description-list__term">{t('expression.submittedAt')}</dt>
            <dd className="ecl-description-list__definition">
              <Instant iso={x.submittedAt} />
            </dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}
