import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Organisation, Page, User } from '../../api/types.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Checkbox, Select, TextField } from '../../components/forms.js';
import { Section } from '../../components/ui.js';
import { LOCALES, useLocale } from '../../i18n.js';
import { PeopleTable } from './PeopleTable.js';

const KINDS = ['contracting-authority', 'hosting-entity', 'vendor'] as const;
const ROLES = ['procurement-officer', 'evaluator', 'entity-representative', 'vendor', 'admin'] as const;

/** A country's name in the reader's language, from its ISO code, while it is typed. */
function countryName(code: string, locale: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code);
  } catch {
    return undefined;
  }
}

/** The language of a person's or an organisation's notices, among the console's. */
function LanguageSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useLocale();
  return (
    <Select id={id} label={t('admin.language')} value={value} onChange={onChange}>
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`admin.languages.${l}`)}
        </option>
      ))}
    </Select>
  );
}

/** The administrator registers an organisation: its kind, country, whether a public body, its e-mail and language. */
export function NewOrganisation({ onCreated }: { onCreated: (o: Organisation) => void }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const [f, setF] = useState({
    name: '',
    kind: 'vendor',
    country: '',
    publicBody: false,
    email: '',
    language: 'en',
  });
  const set = (part: Partial<typeof f>) => setF((x) => ({ ...x, ...part }));
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/organisations', {
          body: { ...f, name: f.name.trim(), kind: f.kind as (typeof KINDS)[number] },
        }),
      ) as Promise<Organisation>,
    onSuccess: (o) => {
      onCreated(o);
      setF((x) => ({ ...x, name: '', email: '' }));
      return queries.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  const problem = firstProblem(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={onSubmit} className="narrow-form" aria-labelledby="new-organisation">
      <h3 className="ecl-u-type-heading-3" id="new-organisation">
        {t('admin.newOrganisation')}
      </h3>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {create.data ? (
        <Notice variant="success" title={t('admin.organisationCreated', { name: create.data.name })} />
      ) : null}
      <TextField
        id="org-name"
        label={t('admin.name')}
        size="l"
        value={f.name}
        onChange={(name) => set({ name })}
        error={problem?.fieldMessage('/name')}
      />
      <Select id="org-kind" label={t('admin.kind')} value={f.kind} onChange={(kind) => set({ kind })}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`admin.kinds.${k}`)}
          </option>
        ))}
      </Select>
      <TextField
        id="org-country"
        label={t('admin.country')}
        help={countryName(f.country, locale) ?? t('admin.countryHint')}
        size="s"
        value={f.country}
        onChange={(country) => set({ country: country.toUpperCase() })}
        error={problem?.fieldMessage('/country')}
      />
      <Checkbox id="org-public" checked={f.publicBody} onChange={(publicBody) => set({ publicBody })}>
        {t('admin.publicBody')}
      </Checkbox>
      <TextField
        id="org-email"
        type="email"
        label={t('admin.email')}
        size="l"
        value={f.email}
        onChange={(email) => set({ email })}
        error={problem?.fieldMessage('/email')}
      />
      <LanguageSelect id="org-language" value={f.language} onChange={(language) => set({ language })} />
      <button type="submit" className="ecl-button ecl-button--primary" disabled={create.isPending}>
        {t('admin.createOrganisation')}
      </button>
    </form>
  );
}

/** The administrator gives a person of an organisation an account, a role the organisation allows, and a language. */
export function NewUser({ organisation }: { organisation: Organisation }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const [f, setF] = useState({ name: '', email: '', role: 'vendor', language: 'en' });
  const set = (part: Partial<typeof f>) => setF((x) => ({ ...x, ...part }));
  const users = useQuery({
    queryKey: ['users', 'organisation', organisation.id],
    queryFn: () =>
      must(api.GET('/api/v1/users', { params: { query: { organisationId: organisation.id } } })) as Promise<
        Page<User>
      >,
  });
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/users', {
          body: {
            ...f,
            name: f.name.trim(),
            role: f.role as (typeof ROLES)[number],
            organisationId: organisation.id,
          },
        }),
      ) as Promise<User>,
    onSuccess: () => {
      setF((x) => ({ ...x, name: '', email: '' }));
      return queries.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const problem = firstProblem(create.error, users.error);
  return (
    <Section id="people" title={t('admin.people', { name: organisation.name })}>
      {users.data?.items.length ? (
        <PeopleTable people={users.data.items} />
      ) : (
        <p className="ecl-u-type-paragraph">{t('admin.nobody')}</p>
      )}
      <form
        className="narrow-form"
        aria-labelledby="new-user"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3 className="ecl-u-type-heading-3" id="new-user">
          {t('admin.newUser')}
        </h3>
        {problem ? <ProblemNotice problem={problem} /> : null}
        <p className="ecl-u-type-paragraph">{t('people.invitation')}</p>
        {create.data ? (
          <Notice variant="success" title={t('admin.userCreated', { name: create.data.name })}>
            {t('admin.welcome')}
          </Notice>
        ) : null}
        <TextField
          id="user-name"
          label={t('admin.name')}
          size="l"
          value={f.name}
          onChange={(name) => set({ name })}
          error={problem?.fieldMessage('/name')}
        />
        <TextField
          id="user-email"
          type="email"
          label={t('admin.email')}
          size="l"
          value={f.email}
          onChange={(email) => set({ email })}
          error={problem?.fieldMessage('/email')}
        />
        <Select id="user-role" label={t('admin.role')} value={f.role} onChange={(role) => set({ role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.roles.${r}`)}
            </option>
          ))}
        </Select>
        <LanguageSelect id="user-language" value={f.language} onChange={(language) => set({ language })} />
        <button type="submit" className="ecl-button ecl-button--primary" disabled={create.isPending}>
          {t('admin.createUser')}
        </button>
      </form>
    </Section>
  );
}
