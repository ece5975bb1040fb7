import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium } from '../../api/consortium-types.js';
import { EligibilityReasons } from '../../components/eligibility.js';
import { Notice, ProblemNotice } from '../../components/feedback.js';
import { Instant, Loading, PageHeader, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money, percent } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { ConsortiumExpressions } from './ConsortiumExpressions.js';
import { ConsortiumResolutions } from './ConsortiumResolutions.js';
import { ConsortiumTenders } from './ConsortiumTenders.js';
import { InviteMember } from './InviteMember.js';
import { consortiaKey, consortiumKey } from './keys.js';

const COLOURS = ['#004494', '#f29527', '#467a39', '#8e44ad', '#c0392b', '#16a085', '#7f6000', '#2c3e50'];

/** A consortium's own page: members and weights, eligibility, the agreement, resolutions, expressions, tenders. */
export function ConsortiumPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const { user } = useSession();
  const queries = useQueryClient();
  const consortium = useQuery({
    queryKey: consortiumKey(id),
    queryFn: () =>
      must(api.GET('/api/v1/consortia/{id}', { params: { path: { id } } })) as Promise<Consortium>,
    // Invitations are answered elsewhere: the page follows while the consortium is being formed.
    refetchInterval: (q) => (q.state.data?.agreementSealed ? false : 5_000),
  });
  const seal = useMutation({
    mutationFn: () => must(api.POST('/api/v1/consortia/{id}/agreement', { params: { path: { id } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: consortiumKey(id) });
      void queries.invalidateQueries({ queryKey: consortiaKey });
    },
  });
  if (consortium.error instanceof ProblemError)
    return (
      <div className="ecl-container ecl-u-mt-l">
        <ProblemNotice problem={consortium.error} />
      </div>
    );
  if (!consortium.data) return <Loading />;
  const c = consortium.data;
  const coordinating = user?.organisationId === c.coordinatorId && user.role === 'entity-representative';
  const member = c.members.some((m) => m.organisationId === user?.organisationId && m.status === 'member');
  const weightOf = (organisationId: string) =>
    c.votingWeights.find((w) => w.organisationId === organisationId)?.weight ?? null;
  const joined = c.members.filter((m) => m.status === 'member');
  return (
    <>
      <PageHeader
        title={c.name}
        meta={
          c.agreementSealed ? (
            <>
              {t('consortia.sealedOn')} <Instant iso={c.agreementSealedAt ?? ''} />
            </>
          ) : (
            t('consortia.forming')
          )
        }
      />
      <div className="ecl-container ecl-u-mt-l">
        <section aria-labelledby="members">
          <h2 className="ecl-u-type-heading-2" id="members">
            {t('consortia.memberTable')}
          </h2>
          <table className="ecl-table ecl-table--zebra">
            <TableHead
              columns={[
                t('consortia.name'),
                t('consortia.country'),
                t('consortia.publicBody'),
                t('consortia.contributionColumn'),
                t('board.status'),
                t('consortia.weight'),
              ]}
            />
            <tbody className="ecl-table__body">
              {c.members.map((m) => {
                const w = weightOf(m.organisationId);
                return (
                  <tr className="ecl-table__row" key={m.organisationId}>
                    <td className="ecl-table__cell">
                      {m.name}
                      {m.organisationId === c.coordinatorId ? ` (${t('consortia.coordinator')})` : ''}
                    </td>
                    <td className="ecl-table__cell">{m.country}</td>
                    <td className="ecl-table__cell">
                      {m.publicBody ? t('consortia.yes') : t('consortia.no')}
                    </td>
                    <td className="ecl-table__cell">{money(m.contributionCents, locale)}</td>
                    <td className="ecl-table__cell">{t(`consortia.status.${m.status}`)}</td>
                    <td className="ecl-table__cell">{w === null ? '—' : percent(w, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="ecl-u-type-paragraph ecl-u-mt-s">
            {t('consortia.total', { amount: money(c.totalContributionCents, locale) })}
          </p>
          <h3 className="ecl-u-type-heading-3">{t('consortia.weights')}</h3>
          <div className="weights-bar" aria-hidden="true">
            {joined.map((m, i) => (
              <span
                key={m.organisationId}
                className="share"
                style={{
                  width: `${(weightOf(m.organisationId) ?? 0) * 100}%`,
                  background: COLOURS[i % COLOURS.length],
                }}
              />
            ))}
          </div>
          <ul className="weights-legend">
            {joined.map((m, i) => (
              <li key={m.organisationId}>
                <i style={{ background: COLOURS[i % COLOURS.length] }} aria-hidden="true" />
                {m.name}: {percent(weightOf(m.organisationId) ?? 0, locale)}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="eligibility" className="ecl-u-mt-l">
          <h2 className="ecl-u-type-heading-2 ecl-u-sr-only" id="eligibility">
            {t('consortia.agreement')}
          </h2>
          {c.eligibility.eligible ? (
            <Notice
              variant="success"
              title={t('consortia.eligible', { count: c.eligibility.memberStates })}
            />
          ) : (
            <Notice variant="warning" title={t('consortia.notEligible')}>
              <EligibilityReasons grounds={c.eligibility.grounds} reasons={c.eligibility.reasons} />
            </Notice>
          )}
          {seal.error instanceof ProblemError ? <ProblemNotice problem={seal.error} /> : null}
          {coordinating && !c.agreementSealed ? (
            <div className="ecl-u-mb-xl">
              <button
                type="button"
                className="ecl-button ecl-button--primary"
                disabled={!c.eligibility.eligible || seal.isPending}
                aria-describedby="seal-help"
                onClick={() => seal.mutate()}
              >
                {t('consortia.seal')}
              </button>
              <p className="ecl-help-block ecl-u-mt-xs" id="seal-help">
                {c.eligibility.eligible ? t('consortia.sealHint') : t('consortia.sealBlocked')}
              </p>
            </div>
          ) : null}
        </section>

        {coordinating && !c.agreementSealed ? <InviteMember consortium={c} /> : null}
        {member ? <ConsortiumResolutions consortium={c} /> : null}
        {member ? <ConsortiumExpressions consortium={c} coordinating={coordinating} /> : null}
        {member ? <ConsortiumTenders consortium={c} /> : null}
      </div>
    </>
  );
}
