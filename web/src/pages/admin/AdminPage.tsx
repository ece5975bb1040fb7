import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Organisation, Page } from '../../api/types.js';
import { firstProblem, ProblemNotice } from '../../components/feedback.js';
import { TextField } from '../../components/forms.js';
import { PageHeader, Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { AuditCheck } from './AuditCheck.js';
import { NewOrganisation, NewUser } from './People.js';

/**
 * The administrator's page: organisations found by words of their name, a new organisation, the
 * people of the chosen one (in the address) and their new accounts, and the audit chain's check.
 */
export function AdminPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const chosenId = params.get('organisation') ?? '';
  const organisations = useQuery({
    queryKey: ['organisations', q],
    queryFn: () =>
      must(
        api.GET('/api/v1/organisations', {
          params: { query: { limit: '20', ...(q.trim() ? { q: q.trim() } : {}) } },
        }),
      ) as Promise<Page<Organisation>>,
  });
  const chosen = useQuery({
    queryKey: ['organisation', chosenId],
    enabled: Boolean(chosenId),
    queryFn: () =>
      must(
        api.GET('/api/v1/organisations/{organisationId}', { params: { path: { organisationId: chosenId } } }),
      ) as Promise<Organisation>,
  });
  const choose = (id: string) => setParams(id ? { organisation: id } : {});
  const problem = firstProblem(organisations.error, chosen.error);
  return (
    <>
      <PageHeader title={t('admin.title')}>{t('admin.intro')}</PageHeader>
      <div className="ecl-container ecl-u-mt-l">
        {problem ? <ProblemNotice problem={problem} /> : null}
        <Section id="organisations" title={t('admin.organisations')}>
          <TextField
            id="org-search"
            label={t('admin.search')}
            required={false}
            size="l"
            value={q}
            onChange={setQ}
          />
          <table className="ecl-table ecl-table--zebra ecl-u-mb-l">
            <TableHead
              columns={[
                t('admin.name'),
                t('admin.kind'),
                t('admin.country'),
                <span key="a" className="ecl-u-sr-only">
                  {t('vendor.actions')}
                </span>,
              ]}
            />
            <tbody className="ecl-table__body">
              {(organisations.data?.items ?? []).map((o) => (
                <tr className="ecl-table__row" key={o.id}>
                  <td className="ecl-table__cell">{o.name}</td>
                  <td className="ecl-table__cell">{t(`admin.kinds.${o.kind}`)}</td>
                  <td className="ecl-table__cell">{o.country}</td>
                  <td className="ecl-table__cell">
                    <button
                      type="button"
                      className={`ecl-button ecl-button--${o.id === chosenId ? 'primary' : 'secondary'}`}
                      aria-pressed={o.id === chosenId}
                      aria-label={t('admin.peopleOf', { name: o.name })}
                      onClick={() => choose(o.id)}
                    >
                      {t('admin.choose')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <NewOrganisation onCreated={(o) => choose(o.id)} />
        </Section>
        {chosen.data ? <NewUser key={chosen.data.id} organisation={chosen.data} /> : null}
        <AuditCheck />
      </div>
    </>
  );
}
