import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium } from '../../api/consortium-types.js';
import type { Page } from '../../api/types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { Field, MoneyField } from '../../components/forms.js';
import { Loading, PageHeader, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { money, parseMoney } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { useSession } from '../../session.js';
import { VotesWaiting } from '../home/VotesWaiting.js';
import { consortiaKey } from './keys.js';

/** A representative's consortia: invitations to answer, the consortia it is in, and founding one. */
export function Consortia() {
  const { t, locale } = useLocale();
  const { user } = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const list = useQuery({
    queryKey: consortiaKey,
    queryFn: () => must(api.GET('/api/v1/consortia', {})) as Promise<Page<Consortium>>,
    refetchInterval: 10_000,
  });
  const [name, setName] = useState('');
  const [contribution, setContribution] = useState('');
  const found = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/consortia', {
          body: { name, contributionCents: parseMoney(contribution, locale) ?? Number.NaN },
        }),
      ) as Promise<Consortium>,
    onSuccess: (c) => {
      void queries.invalidateQueries({ queryKey: consortiaKey });
      navigate(`/consortia/${c.id}`);
    },
  });
  const answer = useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) => {
      const params = { path: { id, organisationId: user?.organisationId ?? '' } };
      return must(
        accept
          ? api.POST('/api/v1/consortia/{id}/invitations/{organisationId}/accept', { params })
          : api.POST('/api/v1/consortia/{id}/invitations/{organisationId}/decline', { params }),
      );
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: consortiaKey }),
  });
  const problem = firstProblem(found.error, answer.error, list.error);
  if (!list.data && !problem) return <Loading />;
  const items = list.data?.items ?? [];
  const mine = (c: Consortium) => c.members.find((m) => m.organisationId === user?.organisationId);
  const invitations = items.filter((c) => mine(c)?.status === 'invited');
  const joined = items.filter((c) => mine(c)?.status === 'member');
  const onFound = (e: FormEvent) => {
    e.preventDefault();
    found.mutate();
  };
  return (
    <>
      <PageHeader title={t('consortia.title')}>{t('consortia.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        <VotesWaiting />
        {problem ? <ProblemNotice problem={problem} /> : null}
        {invitations.length ? (
          <Section id="invitations" title={t('consortia.invitations')} className="ecl-u-mb-xl">
            {invitations.map((c) => (
              <div className="ecl-u-mb-m invitation" key={c.id}>
                <p className="ecl-u-type-paragraph ecl-u-mb-s">
                  {t('consortia.invitedBy', {
                    name: c.name,
                    amount: money(mine(c)?.contributionCents ?? 0, locale),
                  })}
                </p>
                <button
                  type="button"
                  className="ecl-button ecl-button--primary ecl-u-mr-s"
                  disabled={answer.isPending}
                  onClick={() => answer.mutate({ id: c.id, accept: true })}
                >
                  {t('consortia.accept', { name: c.name })}
                </button>
                <button
                  type="button"
                  className="ecl-button ecl-button--secondary"
                  disabled={answer.isPending}
                  onClick={() => answer.mutate({ id: c.id, accept: false })}
                >
                  {t('consortia.decline', { name: c.name })}
                </button>
              </div>
            ))}
          </Section>
        ) : null}

        <Section id="mine" title={t('consortia.mine')} className="ecl-u-mb-xl">
          {joined.length ? (
            <table className="ecl-table ecl-table--zebra">
              <TableHead columns={[t('consortia.name'), t('consortia.members'), t('consortia.agreement')]} />
              <tbody className="ecl-table__body">
                {joined.map((c) => (
                  <tr className="ecl-table__row" key={c.id}>
                    <td className="ecl-table__cell">
                      <Link className="ecl-link" to={`/consortia/${c.id}`}>
                        {c.name}
                      </Link>
                    </td>
                    <td className="ecl-table__cell">
                      {c.members.filter((m) => m.status === 'member').length}
                    </td>
                    <td className="ecl-table__cell">
                      {c.agreementSealed ? t('consortia.sealed') : t('consortia.forming')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="ecl-u-type-paragraph">{t('consortia.none')}</p>
          )}
        </Section>

        <Section id="found" title={t('consortia.found')} className="narrow-form">
          <p className="ecl-u-type-paragraph">{t('consortia.foundIntro')}</p>
          <form onSubmit={onFound}>
            <Field
              id="consortium-name"
              label={t('consortia.name')}
              error={found.error instanceof ProblemError ? found.error.fieldMessage('/name') : undefined}
            >
              {(describedBy) => (
                <input
                  id="consortium-name"
                  required
                  className="ecl-text-input ecl-text-input--l"
                  aria-describedby={describedBy}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <MoneyField
              id="founder-contribution"
              label={t('consortia.contribution')}
              hint={t('consortia.contributionHint')}
              text={contribution}
              onText={setContribution}
              error={
                found.error instanceof ProblemError
                  ? found.error.fieldMessage('/contributionCents')
                  : undefined
              }
            />
            <button
              type="submit"
              className="ecl-button ecl-button--primary"
              disabled={found.isPending || parseMoney(contribution, locale) === null}
            >
              {t('consortia.create')}
            </button>
          </form>
        </Section>
      </div>
    </>
  );
}
