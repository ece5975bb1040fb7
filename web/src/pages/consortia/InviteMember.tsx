import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Consortium } from '../../api/consortium-types.js';
import type { Organisation, Page } from '../../api/types.js';
import { firstProblem, Info, ProblemNotice } from '../../components/feedback.js';
import { MoneyField } from '../../components/forms.js';
import { Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { parseMoney } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import { consortiumKey } from './keys.js';

/** The coordinator finds a hosting entity by name and country, and invites it with its contribution. */
export function InviteMember({ consortium }: { consortium: Consortium }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [search, setSearch] = useState<{ q: string; country: string } | null>(null);
  const [chosen, setChosen] = useState<Organisation | null>(null);
  const [contribution, setContribution] = useState('');
  const found = useQuery({
    queryKey: ['organisations', search],
    enabled: search !== null,
    queryFn: () =>
      must(
        api.GET('/api/v1/organisations', {
          params: {
            query: {
              kind: 'hosting-entity',
              ...(search?.q ? { q: search.q } : {}),
              ...(search?.country ? { country: search.country } : {}),
            },
          },
        }),
      ) as Promise<Page<Organisation>>,
  });
  const invite = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/consortia/{id}/invitations', {
          params: { path: { id: consortium.id } },
          body: {
            organisationId: chosen?.id ?? '',
            contributionCents: parseMoney(contribution, locale) ?? Number.NaN,
          },
        }),
      ),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: consortiumKey(consortium.id) });
      setContribution('');
    },
  });
  const taken = new Set(
    consortium.members.filter((m) => m.status !== 'declined').map((m) => m.organisationId),
  );
  const candidates = (found.data?.items ?? []).filter((o) => !taken.has(o.id));
  const problem = firstProblem(found.error, invite.error);
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setChosen(null);
    invite.reset();
    setSearch({ q: name.trim(), country: country.trim().toUpperCase() });
  };
  const onInvite = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <Section id="invite" title={t('consortia.invite')} className="ecl-u-mb-xl narrow-form">
      {problem ? <ProblemNotice problem={problem} /> : null}
      {invite.isSuccess && chosen ? <Info>{t('consortia.invited', { name: chosen.name })}</Info> : null}
      <form onSubmit={onSearch} className="ecl-u-mb-m">
        <div className="ecl-form-group ecl-u-mb-s">
          <label className="ecl-form-label" htmlFor="org-name">
            {t('consortia.searchName')}
          </label>
          <input
            id="org-name"
            className="ecl-text-input ecl-text-input--m"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="ecl-form-group ecl-u-mb-s">
          <label className="ecl-form-label" htmlFor="org-country">
            {t('consortia.searchCountry')}
          </label>
          <input
            id="org-country"
            className="ecl-text-input ecl-text-input--s"
            maxLength={2}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
          />
        </div>
        <button type="submit" className="ecl-button ecl-button--secondary">
          {t('consortia.search')}
        </button>
      </form>
      {search && found.data ? (
        candidates.length ? (
          <ul className="ecl-unordered-list ecl-u-mb-m" aria-label={t('consortia.results')}>
            {candidates.map((o) => (
              <li className="ecl-unordered-list__item" key={o.id}>
                {o.name} ({o.country}){' '}
                <button
                  type="button"
                  className="ecl-button ecl-button--ghost"
                  aria-pressed={chosen?.id === o.id}
                  onClick={() => {
                    invite.reset();
                    setChosen(o);
                  }}
                >
                  {t('consortia.choose', { name: o.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ecl-u-type-paragraph">{t('consortia.noResults')}</p>
        )
      ) : null}
      {chosen && !invite.isSuccess ? (
        <form onSubmit={onInvite}>
          <p className="ecl-u-type-paragraph ecl-u-type-bold">
            {t('consortia.chosen', { name: chosen.name, country: chosen.country })}
          </p>
          <MoneyField
            id="invited-contribution"
            label={t('consortia.invitedContribution')}
            hint={t('consortia.contributionHint')}
            text={contribution}
            onText={setContribution}
            error={
              invite.error instanceof ProblemError
                ? invite.error.fieldMessage('/contributionCents')
                : undefined
            }
          />
          <button
            type="submit"
            className="ecl-button ecl-button--primary"
            disabled={invite.isPending || parseMoney(contribution, locale) === null}
          >
            {t('consortia.sendInvitation')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
