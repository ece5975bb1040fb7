import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium, Expression, Page, Resolution, Tender } from '../../api/types.js';
import { ProblemNotice } from '../../components/feedback.js';
import { Field, Select } from '../../components/forms.js';
import { Section, TableHead } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { percent } from '../../lib/format.js';
import { ProblemError } from '../../lib/problems.js';
import type { AmendmentEntry } from '../TenderChanges.js';
import { expressionsKey, resolutionsKey, tendersKey } from './keys.js';
import { useCalls } from './use-calls.js';
import { useResolutions } from './use-resolutions.js';

/** A consortium's resolutions, each with its outcome and yes-weight, and proposing one. */
export function ConsortiumResolutions({ consortium }: { consortium: Consortium }) {
  const { t, locale } = useLocale();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const calls = useCalls();
  const resolutions = useResolutions(consortium.id, 5_000);
  const expressions = useQuery({
    queryKey: expressionsKey(consortium.id),
    queryFn: () =>
      must(
        api.GET('/api/v1/consortia/{id}/expressions', { params: { path: { id: consortium.id } } }),
      ) as Promise<Page<Expression>>,
  });
  const tenders = useQuery({
    queryKey: tendersKey(consortium.id),
    queryFn: () =>
      must(api.GET('/api/v1/tenders', { params: { query: { consortiumId: consortium.id } } })) as Promise<
        Page<Tender>
      >,
  });
  // The changes proposed to the consortium's published tenders, each waiting for its approval.
  const published = (tenders.data?.items ?? []).filter((tr) => tr.status === 'published');
  const proposals = useQueries({
    queries: published.map((tr) => ({
      queryKey: ['tender', tr.id, 'amendments'],
      queryFn: () =>
        must(api.GET('/api/v1/tenders/{id}/amendments', { params: { path: { id: tr.id } } })) as Promise<{
          items: AmendmentEntry[];
        }>,
    })),
  }).flatMap((q, i) =>
    (q.data?.items ?? [])
      .filter((a) => a.status === 'proposed' && a.significant)
      .map((a) => ({ amendment: a, tender: published[i] as Tender })),
  );
  const [subject, setSubject] = useState('');
  const [approves, setApproves] = useState('');
  const propose = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/consortia/{id}/resolutions', {
          params: { path: { id: consortium.id } },
          body: {
            subject,
            ...(approves.startsWith('expression:')
              ? { expressionId: approves.slice('expression:'.length) }
              : {}),
            ...(approves.startsWith('tender:') ? { tenderId: approves.slice('tender:'.length) } : {}),
            ...(approves.startsWith('amendment:')
              ? { amendmentId: approves.slice('amendment:'.length) }
              : {}),
          },
        }),
      ) as Promise<Resolution>,
    onSuccess: (r) => {
      void queries.invalidateQueries({ queryKey: resolutionsKey(consortium.id) });
      navigate(`/consortia/${consortium.id}/resolutions/${r.id}`);
    },
  });
  const onPropose = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate();
  };
  const items = resolutions.data?.items ?? [];
  const callName = (id: string) => calls.byId.get(id)?.reference ?? '';
  return (
    <Section id="resolutions" title={t('consortia.resolutions')} className="ecl-u-mb-xl">
      {items.length ? (
        <table className="ecl-table ecl-table--zebra ecl-u-mb-l">
          <TableHead columns={[t('consortia.subject'), t('consortia.outcome'), t('resolution.choice.yes')]} />
          <tbody className="ecl-table__body">
            {items.map((r) => (
              <tr className="ecl-table__row" key={r.id}>
                <td className="ecl-table__cell">
                  <Link className="ecl-link" to={`/consortia/${consortium.id}/resolutions/${r.id}`}>
                    {r.subject}
                  </Link>
                </td>
                <td className="ecl-table__cell">{t(`resolution.outcome.${r.outcome}`)}</td>
                <td className="ecl-table__cell">{percent(r.tally.yes, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ecl-u-type-paragraph">{t('consortia.noResolutions')}</p>
      )}
      <form onSubmit={onPropose} className="narrow-form" aria-labelledby="propose">
        <h3 className="ecl-u-type-heading-3" id="propose">
          {t('consortia.propose')}
        </h3>
        {propose.error instanceof ProblemError ? <ProblemNotice problem={propose.error} /> : null}
        <Field
          id="resolution-subject"
          label={t('consortia.subject')}
          error={propose.error instanceof ProblemError ? propose.error.fieldMessage('/subject') : undefined}
        >
          {(describedBy) => (
            <input
              id="resolution-subject"
              required
              className="ecl-text-input ecl-text-input--l"
              aria-describedby={describedBy}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          )}
        </Field>
        <Select
          id="resolution-approves"
          label={t('consortia.approves')}
          value={approves}
          onChange={setApproves}
          size="l"
        >
          <option value="">{t('consortia.approvesNothing')}</option>
          {(expressions.data?.items ?? []).map((x) => (
            <option key={x.id} value={`expression:${x.id}`}>
              {t('consortia.approvesExpression', {
                call: callName(x.callId),
                status: t(`expression.status.${x.status}`),
              })}
            </option>
          ))}
          {(tenders.data?.items ?? [])
            .filter((tr) => tr.status === 'draft')
            .map((tr) => (
              <option key={tr.id} value={`tender:${tr.id}`}>
                {t('consortia.approvesTender', { reference: tr.reference, title: tr.title })}
              </option>
            ))}
          {proposals.map(({ amendment, tender }) => (
            <option key={amendment.id} value={`amendment:${amendment.id}`}>
              {t('changes.approvesAmendment', { reference: tender.reference, reason: amendment.reason.text })}
            </option>
          ))}
        </Select>
        <button type="submit" className="ecl-button ecl-button--primary" disabled={propose.isPending}>
          {t('consortia.send')}
        </button>
      </form>
    </Section>
  );
}
