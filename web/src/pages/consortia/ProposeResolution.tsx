import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client.js';
import type { Consortium, Resolution } from '../../api/consortium-types.js';
import type { Page, Tender } from '../../api/types.js';
import { ProblemNotice } from '../../components/feedback.js';
import { Field, Select, TextArea, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';
import { instantOf, zone } from '../officers/draft-parts.js';
import type { AmendmentEntry } from '../TenderChanges.js';
import { resolutionsKey, tendersKey } from './keys.js';
import { useCalls, useConsortiumExpressions } from './use-calls.js';

/**
 * A member proposes a resolution: its subject, the text the members vote on, what it approves (an
 * expression, a draft tender, a change to a published tender) and, if any, its voting deadline.
 */
export function ProposeResolution({ consortium }: { consortium: Consortium }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const calls = useCalls();
  const expressions = useConsortiumExpressions(consortium.id);
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
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const [approves, setApproves] = useState('');
  const propose = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/consortia/{id}/resolutions', {
          params: { path: { id: consortium.id } },
          body: {
            subject,
            ...(text.trim() ? { text } : {}),
            ...(deadline ? { votingDeadline: instantOf(deadline) } : {}),
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
  const callName = (id: string) => calls.byId.get(id)?.reference ?? '';
  const field = (path: string) =>
    propose.error instanceof ProblemError ? propose.error.fieldMessage(path) : undefined;
  return (
    <form onSubmit={onPropose} className="narrow-form" aria-labelledby="propose">
      <h3 className="ecl-u-type-heading-3" id="propose">
        {t('consortia.propose')}
      </h3>
      {propose.error instanceof ProblemError ? <ProblemNotice problem={propose.error} /> : null}
      <Field id="resolution-subject" label={t('consortia.subject')} error={field('/subject')}>
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
      <TextArea
        id="resolution-text"
        label={t('consortia.text')}
        help={t('consortia.textHint')}
        required={false}
        value={text}
        onChange={setText}
        error={field('/text')}
      />
      <TextField
        id="resolution-deadline"
        type="datetime-local"
        label={t('consortia.votingDeadline')}
        help={t('consortia.deadlineHint', { zone: zone() })}
        required={false}
        value={deadline}
        onChange={setDeadline}
        error={field('/votingDeadline')}
      />
      <button type="submit" className="ecl-button ecl-button--primary" disabled={propose.isPending}>
        {t('consortia.send')}
      </button>
    </form>
  );
}
