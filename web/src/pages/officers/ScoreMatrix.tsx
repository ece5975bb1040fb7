import type { Tender } from '../../api/types.js';
import { Points, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import type { OfficerBid } from './evaluation-types.js';
import { useNames } from './people.js';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The score matrix of a tender, lot by lot: each bid's criteria (rows) against the evaluators
 * (columns) with the mean of the scores that count. As in the ranking, a score counts when its
 * evaluator declared no conflict; a conflicted evaluator's column is marked and left out of the mean.
 */
export function ScoreMatrix({
  tender,
  bids,
  nameOf,
}: {
  tender: Tender;
  bids: OfficerBid[];
  nameOf: (vendorId: string) => string;
}) {
  const { t } = useLocale();
  const seats = tender.evaluators ?? [];
  const nameOfEvaluator = useNames(seats.map((s) => s.userId));
  const counts = (s: NonNullable<Tender['evaluators']>[number]) => s.declared && !s.conflict;
  const criteria = tender.award.criteria;
  const lots = [...new Set(bids.map((b) => b.lot))].sort((a, b) => a - b);
  return (
    <Section id="scores" title={t('matrix.title')}>
      <p className="ecl-u-type-paragraph">{t('matrix.intro')}</p>
      {lots.map((lot) => {
        const lotBids = bids.filter((b) => b.lot === lot);
        const given = lotBids.reduce((n, b) => n + b.scores.length, 0);
        const needed = lotBids.length * criteria.length * seats.filter(counts).length;
        return (
          <div key={lot} className="ecl-u-mb-l score-matrix">
            <table className="ecl-table ecl-table--zebra">
              <caption className="ecl-u-type-heading-3 ecl-u-type-align-left">
                {t('tender.lot', { number: lot })} — {t('matrix.given', { given, needed })}
              </caption>
              <thead className="ecl-table__head">
                <tr className="ecl-table__row">
                  <th scope="col" className="ecl-table__header">
                    {t('evaluation.bid')}
                  </th>
                  <th scope="col" className="ecl-table__header">
                    {t('matrix.criterion')}
                  </th>
                  {seats.map((s) => (
                    <th scope="col" className="ecl-table__header" key={s.userId}>
                      {nameOfEvaluator(s.userId)}
                      {counts(s) ? null : (
                        <div className="ecl-u-type-paragraph-s">
                          {s.conflict ? t('matrix.conflict') : t('matrix.undeclared')}
                        </div>
                      )}
                    </th>
                  ))}
                  <th scope="col" className="ecl-table__header">
                    {t('matrix.mean')}
                  </th>
                </tr>
              </thead>
              <tbody className="ecl-table__body">
                {lotBids.flatMap((b) =>
                  criteria.map((c, i) => {
                    const scoreOf = (userId: string) =>
                      b.scores.find((s) => s.evaluatorId === userId && s.criterion === c.key);
                    const counted = seats.filter(counts).flatMap((s) => scoreOf(s.userId)?.score ?? []);
                    return (
                      <tr className="ecl-table__row" key={`${b.id}:${c.key}`}>
                        {i === 0 ? (
                          <th scope="rowgroup" rowSpan={criteria.length} className="ecl-table__cell">
                            {nameOf(b.vendorId)}
                          </th>
                        ) : null}
                        <th scope="row" className="ecl-table__cell">
                          {c.title} <span className="ecl-u-type-paragraph-s">/ {c.maxScore}</span>
                        </th>
                        {seats.map((s) => {
                          const score = scoreOf(s.userId);
                          return (
                            <td
                              className={`ecl-table__cell${counts(s) ? '' : ' score-matrix__void'}`}
                              key={s.userId}
                            >
                              {score ? <Points value={score.score} /> : '—'}
                              {score?.comment ? (
                                <div className="ecl-u-type-paragraph-s">{score.comment}</div>
                              ) : null}
                            </td>
                          );
                        })}
                        <td className="ecl-table__cell">
                          <strong>
                            <Points value={mean(counted)} />
                          </strong>
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        );
      })}
    </Section>
  );
}
