import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { firstProblem, Notice, Pending, ProblemNotice } from '../../components/feedback.js';
import { Instant, PageHeader, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useNow } from '../TenderPage.js';
import { useNames } from './people.js';
import { SeatCommittee } from './SeatCommittee.js';
import { ReplaceSecretForm, SecretForm } from './SecretForm.js';

interface OpeningRecord {
  method: 'ceremony' | 'timed';
  openingAt: string;
  /** When the committee may act: the opening time, and never before the deadline has settled. */
  dueAt: string;
  committee: {
    quorum: number;
    members: { userId: string; secretSet: boolean; secretSetAt: string | null; changePending?: boolean }[];
  } | null;
  acts: { userId: string; at: string }[];
  opened: boolean;
  openedAt: string | null;
  bids: { lot: number; count: number }[] | null;
  /** The bids whose content or files did not match their receipt. */
  mismatches: string[];
  documents: { count: number; mismatches: number } | null;
}

/**
 * The opening of a tender for its committee: each member sets a secret while the tender is a
 * draft; from the opening time each acts with it, and all watch the quorum fill; then the record.
 */
export function OpeningPage() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const { user } = useSession();
  const now = useNow(5_000);
  const queries = useQueryClient();
  const tender = useQuery({
    queryKey: ['tender', id],
    queryFn: () => must(api.GET('/api/v1/tenders/{id}', { params: { path: { id } } })) as Promise<Tender>,
  });
  const record = useQuery({
    queryKey: ['tender', id, 'opening'],
    queryFn: () =>
      must(api.GET('/api/v1/tenders/{id}/opening', { params: { path: { id } } })) as Promise<OpeningRecord>,
    // The others act meanwhile, and a worker opens the bids once the quorum has: followed until opened.
    refetchInterval: (q) => (q.state.data?.opened ? false : 3_000),
  });
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['tender', id] });
  };
  const setSecret = useMutation({
    mutationFn: (body: { secret: string; currentSecret?: string; password?: string }) =>
      must(api.PUT('/api/v1/tenders/{id}/opening-committee/me', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (secret: string) =>
      must(api.POST('/api/v1/tenders/{id}/opening/unlock', { params: { path: { id } }, body: { secret } })),
    onSuccess: refresh,
  });
  const problem = firstProblem(tender.error, record.error, setSecret.error, act.error);
  const nameOf = useNames(record.data?.committee?.members.map((m) => m.userId) ?? []);
  if (!tender.data || !record.data) return <Pending problem={problem} />;
  const tr = tender.data;
  const r = record.data;
  const seat = r.committee?.members.find((m) => m.userId === user?.id);
  const acted = r.acts.some((a) => a.userId === user?.id);
  const due = now >= new Date(r.dueAt).getTime();
  const quorum = r.committee?.quorum ?? 0;
  return (
    <>
      <PageHeader title={t('opening.title', { reference: tr.reference })} meta={tr.title}>
        {t('opening.intro')}
      </PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <p className="ecl-u-type-paragraph">
          <Link className="ecl-link" to={`/tenders/${id}`}>
            {t('opening.back')}
          </Link>
        </p>
        {problem ? <ProblemNotice problem={problem} /> : null}

        <Section id="committee" title={t('opening.committee', { quorum })} className="ecl-u-mb-l">
          <table className="ecl-table ecl-table--zebra">
            <TableHead columns={[t('opening.member'), t('opening.secret'), t('opening.acted')]} />
            <tbody className="ecl-table__body">
              {(r.committee?.members ?? []).map((m) => {
                const a = r.acts.find((x) => x.userId === m.userId);
                return (
                  <tr className="ecl-table__row" key={m.userId}>
                    <td className="ecl-table__cell">{nameOf(m.userId)}</td>
                    <td className="ecl-table__cell">
                      {m.secretSetAt ? <Instant iso={m.secretSetAt} /> : t('opening.notSet')}
                    </td>
                    <td className="ecl-table__cell">{a ? <Instant iso={a.at} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Section>

        {tr.status === 'draft' ? <SeatCommittee tender={tr} seated={r.committee} /> : null}

        {tr.status === 'draft' && seat ? (
          <Section id="set-secret" title={t('opening.setTitle')} className="ecl-u-mb-l">
            {seat.secretSet ? <Notice variant="success" title={t('opening.set')} /> : null}
            {seat.changePending ? <Notice variant="info" title={t('opening.changePending')} /> : null}
            <p className="ecl-u-type-paragraph">{t('opening.setIntro')}</p>
            {seat.secretSet ? (
              <ReplaceSecretForm
                pending={setSecret.isPending}
                onReplace={(proof, secret) => setSecret.mutate({ ...proof, secret })}
              />
            ) : (
              <SecretForm
                label={t('opening.yourSecret')}
                confirm
                submit={t('opening.save')}
                pending={setSecret.isPending}
                onSecret={(secret) => setSecret.mutate({ secret })}
              />
            )}
          </Section>
        ) : null}

        {tr.status !== 'draft' && !r.opened ? (
          <Section id="act" title={t('opening.actTitle')} className="ecl-u-mb-l">
            <p className="ecl-u-type-paragraph" aria-live="polite">
              {t('opening.progress', { acted: r.acts.length, quorum })}
            </p>
            <progress
              className="quorum"
              max={quorum}
              value={r.acts.length}
              aria-label={t('opening.progressLabel')}
            />
            {!due ? (
              <p className="ecl-u-type-paragraph">
                {t('opening.notYet')} <Instant iso={r.dueAt} />.
              </p>
            ) : seat && !acted ? (
              <SecretForm
                label={t('opening.yourSecret')}
                confirm={false}
                submit={t('opening.actNow')}
                pending={act.isPending}
                onSecret={(s) => act.mutate(s)}
              />
            ) : acted ? (
              <Notice variant="info" title={t('opening.youActed')}>
                {r.acts.length >= quorum ? t('opening.opening') : t('opening.waiting')}
              </Notice>
            ) : null}
          </Section>
        ) : null}

        {r.opened ? (
          <Section id="record" title={t('opening.record')} className="">
            <Notice variant="success" title={t('opening.opened')}>
              <Instant iso={r.openedAt ?? ''} />
            </Notice>
            <table className="ecl-table ecl-table--zebra ecl-u-mb-m">
              <TableHead columns={[t('tender.lots'), t('opening.bids')]} />
              <tbody className="ecl-table__body">
                {(r.bids ?? []).map((b) => (
                  <tr className="ecl-table__row" key={b.lot}>
                    <td className="ecl-table__cell">{t('tender.lot', { number: b.lot })}</td>
                    <td className="ecl-table__cell">{b.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="ecl-u-type-paragraph">
              {r.mismatches.length
                ? t('opening.mismatches', { count: r.mismatches.length })
                : t('opening.allMatch')}{' '}
              {r.documents
                ? t('opening.documents', { count: r.documents.count, bad: r.documents.mismatches })
                : null}
            </p>
          </Section>
        ) : null}
      </div>
    </>
  );
}
