import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium } from '../../api/consortium-types.js';
import type { ContractDetails, Page, Tender } from '../../api/types.js';
import { ContractSplit } from '../../components/ContractSplit.js';
import { ProblemNotice } from '../../components/feedback.js';
import { downloadFile } from '../../components/save-file.js';
import { Section, Status, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import type { ProblemError } from '../../lib/problems.js';
import { tendersKey } from './keys.js';

/** The tenders bought for the consortium, lot by lot, with their contracts and each party's share. */
export function ConsortiumTenders({ consortium }: { consortium: Consortium }) {
  const { t } = useLocale();
  const tenders = useQuery({
    queryKey: tendersKey(consortium.id),
    queryFn: () =>
      must(api.GET('/api/v1/tenders', { params: { query: { consortiumId: consortium.id } } })) as Promise<
        Page<Tender>
      >,
    refetchInterval: 30_000,
  });
  const items = tenders.data?.items ?? [];
  return (
    <Section id="tenders" title={t('consortia.tenders')} className="ecl-u-mb-xl">
      {items.length ? (
        items.map((tr) => <TenderLine key={tr.id} tender={tr} consortium={consortium} />)
      ) : (
        <p className="ecl-u-type-paragraph">{t('consortia.noTenders')}</p>
      )}
    </Section>
  );
}

function TenderLine({ tender, consortium }: { tender: Tender; consortium: Consortium }) {
  const { t } = useLocale();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const contracts = useQuery({
    queryKey: ['tender', tender.id, 'contracts'],
    enabled: tender.awards.length > 0,
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/contracts', { params: { path: { id: tender.id } } })) as Promise<{
        items: ContractDetails[];
      }>,
  });
  const nameOf = (id: string) => consortium.members.find((m) => m.organisationId === id)?.name ?? id;
  return (
    <div className="ecl-u-mb-l">
      <h3 className="ecl-u-type-heading-3">
        <Link className="ecl-link" to={`/tenders/${tender.id}`}>
          {tender.reference} — {tender.title}
        </Link>{' '}
        <Status status={tender.status} />
      </h3>
      <table className="ecl-table ecl-u-mb-s">
        <TableHead columns={[t('tender.lots'), t('board.status')]} />
        <tbody className="ecl-table__body">
          {tender.lots.map((l) => (
            <tr className="ecl-table__row" key={l.number}>
              <td className="ecl-table__cell">
                {t('tender.lot', { number: l.number })} — {l.title}
              </td>
              <td className="ecl-table__cell">
                <Status status={l.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {(contracts.data?.items ?? []).map((c) => (
        <div key={c.id} className="ecl-u-mb-m">
          <ContractSplit contract={c} nameOf={nameOf} />
          {c.status === 'ready' ? (
            <button
              type="button"
              className="ecl-button ecl-button--secondary"
              onClick={async () =>
                setProblem(await downloadFile(`/contracts/${c.id}/pdf`, `contract-${c.number}.pdf`))
              }
            >
              {t('consortia.downloadContract', { number: c.number })}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
