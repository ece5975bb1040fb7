import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../api/client.js';
import type { Award, Contract, Page, Tender } from '../api/types.js';
import { ProblemNotice } from '../components/feedback.js';
import { downloadFile } from '../components/save-file.js';
import { Instant, Points, TableHead } from '../components/ui.js';
import { useLocale } from '../i18n.js';
import { fixed } from '../lib/format.js';
import type { ProblemError } from '../lib/problems.js';
import { groundText } from './grounds.js';

// What a vendor learns after the deadline: where its bid is in the procedure, the award decision
// with its own scores and the grounds, the decision letter, and for the winner the contract.

/** The award decisions on the lots this vendor bid on, with its contracts; followed until contracted. */
export function BidOutcomes({ tender }: { tender: Tender }) {
  const decided = tender.awards.length > 0;
  const awards = useQuery({
    queryKey: ['tender', tender.id, 'awards'],
    enabled: decided,
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/awards', { params: { path: { id: tender.id } } })) as Promise<{
        items: Award[];
      }>,
  });
  const won = awards.data?.items.some((a) => a.own?.won) ?? false;
  const contracts = useQuery({
    queryKey: ['tender', tender.id, 'contracts'],
    enabled: won,
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/contracts', { params: { path: { id: tender.id } } })) as Promise<{
        items: Contract[];
      }>,
    // A contract is generated in the background: followed until its PDF is ready.
    refetchInterval: (q) =>
      q.state.data?.items.some((c) => c.status === 'generating') ||
      tender.lots.some((l) => l.status === 'awarded')
        ? 3_000
        : false,
  });
  // A contract ready while the page still shows the lot as awarded: the tender is read again.
  const queries = useQueryClient();
  const contracted = contracts.data?.items.filter((c) => c.status === 'ready').map((c) => c.lot) ?? [];
  const stale = tender.lots.some((l) => contracted.includes(l.number) && l.status !== 'contracted');
  useEffect(() => {
    if (stale) void queries.invalidateQueries({ queryKey: ['tender', tender.id], exact: true });
  }, [stale, queries, tender.id]);
  const letters = useQuery({
    queryKey: ['notices', 'decisions', tender.id],
    enabled: decided,
    queryFn: () =>
      must(api.GET('/api/v1/notices', { params: { query: { subject: tender.id } } })) as Promise<
        Page<{ id: string; template: string; createdAt: string }>
      >,
    // The decision's notice is recorded by a worker just after the award: asked again until it is there.
    refetchInterval: (q) =>
      q.state.data?.items.some((n) => n.template.startsWith('award-')) ? false : 3_000,
  });
  const decisions = (letters.data?.items ?? []).filter((n) => n.template.startsWith('award-'));
  const mine = (awards.data?.items ?? []).filter((a) => a.own);
  return (
    <>
      {mine.map((a) => (
        <Outcome
          key={a.lot}
          award={a}
          letters={decisions}
          contract={contracts.data?.items.find((c) => c.lot === a.lot)}
        />
      ))}
    </>
  );
}

function Outcome({
  award,
  letters,
  contract,
}: {
  award: Award;
  letters: { id: string; createdAt: string }[];
  contract: Contract | undefined;
}) {
  const { t, locale } = useLocale();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const own = award.own as NonNullable<Award['own']>;
  const inStandstill = award.status === 'standstill';
  return (
    <section
      className={`ecl-notification ecl-notification--${own.won ? 'success' : 'info'} ecl-u-mb-l`}
      aria-labelledby={`outcome-${award.lot}`}
    >
      <div className="ecl-notification__content">
        <h3 className="ecl-notification__title" id={`outcome-${award.lot}`}>
          {own.won
            ? t('outcome.won', { lot: award.lot, title: award.lotTitle })
            : t('outcome.lost', { lot: award.lot, title: award.lotTitle })}
        </h3>
        <div className="ecl-notification__description">
          <p className="ecl-u-mb-s">
            {t('outcome.decided')} <Instant iso={award.decidedAt} />.{' '}
            {own.won
              ? null
              : t('outcome.winner', {
                  name: award.winner.name ?? '',
                  total: fixed(award.winner.total, locale),
                })}
          </p>
          <table className="ecl-table ecl-table--zebra ecl-u-mb-s">
            <caption className="ecl-u-sr-only">{t('outcome.scores', { lot: award.lot })}</caption>
            <TableHead columns={[t('outcome.part'), t('outcome.yourScore')]} />
            <tbody className="ecl-table__body">
              {own.criteria.map((c) => (
                <tr className="ecl-table__row" key={c.key}>
                  <td className="ecl-table__cell">
                    {t('outcome.criterionMean', { title: c.title, max: c.maxScore })}
                  </td>
                  <td className="ecl-table__cell">
                    <Points none={t('outcome.notRanked')} value={c.mean} />
                  </td>
                </tr>
              ))}
              <tr className="ecl-table__row">
                <td className="ecl-table__cell">{t('outcome.quality')}</td>
                <td className="ecl-table__cell">
                  <Points none={t('outcome.notRanked')} value={own.quality} />
                </td>
              </tr>
              <tr className="ecl-table__row">
                <td className="ecl-table__cell">{t('outcome.price')}</td>
                <td className="ecl-table__cell">
                  <Points none={t('outcome.notRanked')} value={own.price} />
                </td>
              </tr>
              <tr className="ecl-table__row">
                <td className="ecl-table__cell">{t('outcome.total')}</td>
                <td className="ecl-table__cell">
                  <Points none={t('outcome.notRanked')} value={own.total} />
                </td>
              </tr>
              <tr className="ecl-table__row">
                <td className="ecl-table__cell">{t('outcome.rank')}</td>
                <td className="ecl-table__cell">{own.rank ?? t('outcome.notRanked')}</td>
              </tr>
            </tbody>
          </table>
          {own.grounds.length ? (
            <>
              <p className="ecl-u-mb-xs ecl-u-type-bold">{t('outcome.grounds')}</p>
              <ul className="ecl-unordered-list ecl-u-mb-s grounds">
                {own.grounds.map((g) => (
                  <li className="ecl-unordered-list__item" key={JSON.stringify(g)}>
                    {groundText(g, t, locale)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="ecl-u-mb-s">
            {inStandstill ? (
              <>
                {t('outcome.standstill')} <Instant iso={award.standstillEndsAt} />.{' '}
                {own.won ? t('outcome.standstillWon') : t('outcome.standstillLost')}
              </>
            ) : (
              <>
                {t('outcome.standstillOver')} <Instant iso={award.standstillEndsAt} />.
              </>
            )}
          </p>
          {letters.map((n) => (
            <Link key={n.id} className="ecl-link ecl-u-mr-m" to={`/notices/${n.id}`}>
              {t('outcome.letter')}
            </Link>
          ))}
          {own.won ? <ContractPart contract={contract} onProblem={setProblem} /> : null}
          {problem ? <ProblemNotice problem={problem} /> : null}
        </div>
      </div>
    </section>
  );
}

/** The winner's contract: being prepared, being generated (with progress), or its PDF to download. */
function ContractPart({
  contract,
  onProblem,
}: {
  contract: Contract | undefined;
  onProblem: (p: ProblemError | null) => void;
}) {
  const { t } = useLocale();
  if (!contract) return <p className="ecl-u-mt-s">{t('outcome.contractPending')}</p>;
  if (contract.status === 'generating')
    return (
      <p className="ecl-u-mt-s" role="status">
        {t('outcome.contractGenerating', { progress: contract.progress ?? 0 })}
      </p>
    );
  if (contract.status === 'failed') return <p className="ecl-u-mt-s">{t('outcome.contractFailed')}</p>;
  return (
    <p className="ecl-u-mt-s">
      <button
        type="button"
        className="ecl-button ecl-button--primary"
        onClick={async () =>
          onProblem(await downloadFile(`/contracts/${contract.id}/pdf`, `contract-${contract.number}.pdf`))
        }
      >
        {t('outcome.downloadContract', { number: contract.number })}
      </button>
    </p>
  );
}
