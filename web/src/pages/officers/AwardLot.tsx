import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { ContractDetails, Tender } from '../../api/types.js';
import { ContractSplit } from '../../components/ContractSplit.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { TextArea } from '../../components/forms.js';
import { downloadFile } from '../../components/save-file.js';
import { Instant } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { fixed, timeLeft, timeLeftWords } from '../../lib/format.js';
import type { ProblemError } from '../../lib/problems.js';
import { useTenderComplaints } from '../review/complaints.js';
import { useNow } from '../TenderPage.js';
import type { EvaluatedBid } from './evaluation-types.js';
import { useOrganisationNames } from './people.js';

/**
 * A lot's award: to a ranked bid (an abnormally low one only with the vendor's explanation, one
 * not ranked first only with a justification); then the standstill counted down, and after it the
 * contract, followed while it is generated.
 */
export function AwardLot({ tender, lot, bids }: { tender: Tender; lot: number; bids: EvaluatedBid[] }) {
  const { t, locale } = useLocale();
  const now = useNow(1_000);
  const queries = useQueryClient();
  const ranked = bids.filter((b) => b.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const [bidId, setBidId] = useState(ranked[0]?.bidId ?? '');
  const [explanation, setExplanation] = useState('');
  const [justification, setJustification] = useState('');
  const chosen = ranked.find((b) => b.bidId === bidId);
  const award = tender.awards.find((a) => a.lot === lot);
  const refresh = () => queries.invalidateQueries({ queryKey: ['tender', tender.id] });
  const decide = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/awards', {
          params: { path: { id: tender.id } },
          body: {
            lot,
            bidId,
            ...(chosen?.flags.abnormallyLow ? { lowPriceExplanation: explanation } : {}),
            ...(chosen && chosen.rank !== 1 ? { justification } : {}),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const contracts = useQuery({
    queryKey: ['tender', tender.id, 'contracts'],
    enabled: Boolean(award),
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/contracts', { params: { path: { id: tender.id } } })) as Promise<{
        items: ContractDetails[];
      }>,
    refetchInterval: (q) => (q.state.data?.items.some((c) => c.status === 'generating') ? 1_000 : false),
  });
  const ask = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/contracts', { params: { path: { id: tender.id } }, body: { lot } }),
      ),
    onSuccess: refresh,
  });
  const memberName = useOrganisationNames(
    (contracts.data?.items ?? []).flatMap((c) => c.split.members.map((m) => m.organisationId)),
  );
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const shown = firstProblem(decide.error, ask.error);
  // An undecided complaint against the award or an exclusion holds the lot's contract.
  const complaints = useTenderComplaints(tender.id);
  const holding = complaints.data?.items.find((c) => c.suspends === 'contract' && c.lot === lot);
  if (award) {
    const left = timeLeft(award.standstillEndsAt, now);
    const contract = contracts.data?.items.find((c) => c.lot === lot);
    const winner = bids.find((b) => b.bidId === award.bidId);
    return (
      <div className="award">
        <Notice variant="success" title={t('evaluation.awarded', { lot, vendor: winner?.vendorName ?? '' })}>
          {left ? (
            <>
              {t('evaluation.standstillUntil')} <Instant iso={award.standstillEndsAt} /> (
              {t(timeLeftWords(left), left)})
            </>
          ) : (
            <>
              {t('outcome.standstillOver')} <Instant iso={award.standstillEndsAt} />.
            </>
          )}
        </Notice>
        {shown ? <ProblemNotice problem={shown} /> : null}
        {problem ? <ProblemNotice problem={problem} /> : null}
        {holding ? (
          <Notice variant="warning" title={t('review.suspends.contract', { lot })}>
            <Link className="ecl-link" to={`/complaints/${holding.id}`}>
              {holding.grounds}
            </Link>
          </Notice>
        ) : null}
        {!left && !contract && !holding ? (
          <button
            type="button"
            className="ecl-button ecl-button--primary"
            disabled={ask.isPending}
            onClick={() => ask.mutate()}
          >
            {t('evaluation.prepareContract', { lot })}
          </button>
        ) : null}
        {contract?.status === 'generating' ? (
          <p className="ecl-u-type-paragraph" role="status">
            {t('outcome.contractGenerating', { progress: contract.progress ?? 0 })}
          </p>
        ) : null}
        {contract ? <ContractSplit contract={contract} nameOf={memberName} /> : null}
        {contract?.status === 'ready' ? (
          <button
            type="button"
            className="ecl-button ecl-button--secondary"
            onClick={async () =>
              setProblem(
                await downloadFile(`/contracts/${contract.id}/pdf`, `contract-${contract.number}.pdf`),
              )
            }
          >
            {t('consortia.downloadContract', { number: contract.number })}
          </button>
        ) : null}
      </div>
    );
  }
  if (!ranked.length) return <p className="ecl-u-type-paragraph">{t('evaluation.noneAdmissible')}</p>;
  const onAward = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate();
  };
  return (
    <form onSubmit={onAward} className="narrow-form award">
      {shown ? <ProblemNotice problem={shown} /> : null}
      <div className="ecl-form-group ecl-u-mb-m">
        <label className="ecl-form-label" htmlFor={`award-${lot}`}>
          {t('evaluation.awardTo', { lot })}
        </label>
        <div className="ecl-select__container ecl-select__container--l">
          <select
            id={`award-${lot}`}
            className="ecl-select"
            value={bidId}
            onChange={(e) => setBidId(e.target.value)}
          >
            {ranked.map((b) => (
              <option key={b.bidId} value={b.bidId}>
                {t('evaluation.option', {
                  rank: b.rank,
                  vendor: b.vendorName,
                  total: fixed(b.total ?? 0, locale),
                })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {chosen?.flags.abnormallyLow ? (
        <TextArea
          id={`explanation-${lot}`}
          label={t('evaluation.explanation')}
          help={t('evaluation.explanationHint')}
          rows={3}
          value={explanation}
          onChange={setExplanation}
        />
      ) : null}
      {chosen && chosen.rank !== 1 ? (
        <TextArea
          id={`justification-${lot}`}
          label={t('evaluation.justification')}
          rows={3}
          value={justification}
          onChange={setJustification}
        />
      ) : null}
      <button type="submit" className="ecl-button ecl-button--primary" disabled={decide.isPending}>
        {t('evaluation.award', { lot, vendor: chosen?.vendorName ?? '' })}
      </button>
    </form>
  );
}
