import type { Tender } from '../../api/types.js';
import { Points, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import type { OfficerBid } from './evaluation-types.js';
import { useNames } from './people.js';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A bid failed on its exclusion or selection checks: not scored, listed apart with its ground. */
const excluded = (b: OfficerBid) => b.checks?.exclusion === 'fail' || b.checks?.selection === 'fail';

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
        const lotBids = bids.filter((b) => b.lot === lot && !excluded(b));
        const apart = bids.filter((b) => b.lot === lot && excluded(b));
        const counting = seats.filter(counts).map((s) => s.userId);
        const given = lotBids.reduce(
          (n, b) => n + b.scores.filter((s) => counting.includes(s.evaluatorId)).length,
          0,
        );
        const needed = lotBids.length * criteria.length * counting.length;
        const caption = `${t('tender.lot', { number: lot })} — ${t('matrix.given', { given, needed })}`;
        return (
          // A matrix keeps its rows and columns on a phone too: it scrolls in its own labelled box.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard to scroll it
          <section key={lot} className="ecl-u-mb-l score-matrix" aria-label={caption} tabIndex={0}>
            <table className="ecl-table ecl-table--zebra ecl-table--simple">
              <caption className="ecl-u-type-heading-3 ecl-u-type-align-left">{caption}</caption>
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
                      {counts(s) ? (
                        <div className="ecl-u-type-paragraph-s">
                          {s.scoresFinalAt ? t('matrix.final') : t('matrix.notFinal')}
                        </div>
                      ) : (
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
            {apart.length ? (
              <>
                <p className="ecl-u-type-paragraph ecl-u-mt-s ecl-u-mb-xs">{t('matrix.excluded')}</p>
                <ul className="ecl-unordered-list">
                  {apart.map((b) => (
                    <li className="ecl-unordered-list__item" key={b.id}>
                      {nameOf(b.vendorId)}:{' '}
                      {t(
                        b.checks?.exclusion === 'fail' ? 'matrix.exclusionFailed' : 'matrix.selectionFailed',
                      )}
                      {b.checks?.reason ? ` — ${b.checks.reason}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
    </Section>
  );
}
