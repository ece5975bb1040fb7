import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { firstProblem, Notice, ProblemNotice } from '../../components/feedback.js';
import { Checkbox, Select, TextArea, TextField } from '../../components/forms.js';
import { Instant, Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { period } from '../../lib/format.js';
import {
  type AmendmentEntry,
  ChangeTable,
  useAmendments,
  useFieldName,
  useTenderDocuments,
} from '../TenderChanges.js';
import { instantOf, localOf, zone } from './draft-parts.js';

const REASONS = ['cor-buy', 'update-add', 'cor-esen', 'info-release'] as const;

type LotEdit = Tender['lots'][number] & { description?: string | null };

/**
 * An officer edits a published tender as a proposal: the deadline, the lots' titles and
 * descriptions, the documents' new versions, and why. Before sending it, the officer sees the
 * difference and the earliest deadline a significant change allows; a proposal that changes
 * content waits for the consortium's resolution, then the officer publishes it.
 */
export function ProposeAmendment({ tender }: { tender: Tender }) {
  const { t, locale } = useLocale();
  const queries = useQueryClient();
  const amendments = useAmendments(tender.id);
  const documents = useTenderDocuments(tender.id);
  const fieldName = useFieldName();
  const lots0 = tender.lots as LotEdit[];
  const shownDeadline = localOf(new Date(tender.submissionDeadline));
  const [deadline, setDeadline] = useState(shownDeadline);
  const [lots, setLots] = useState(lots0.map((l) => ({ title: l.title, description: l.description ?? '' })));
  const [docs, setDocs] = useState<string[]>([]);
  const [code, setCode] = useState<(typeof REASONS)[number]>('cor-buy');
  const [text, setText] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const staged = (documents.data?.items ?? []).filter((d) => !d.versions.at(-1)?.datePublished);
  const lotsChanged = lots.some(
    (l, i) => l.title !== lots0[i]?.title || l.description !== (lots0[i]?.description ?? ''),
  );
  const newDeadline = instantOf(deadline);
  // The field shows minutes: the deadline is changed only when the officer types another minute.
  const deadlineChanged = Boolean(newDeadline) && deadline !== shownDeadline;
  const changes = {
    ...(deadlineChanged ? { submissionDeadline: newDeadline } : {}),
    ...(lotsChanged
      ? {
          lots: lots0.map((l, i) => ({
            number: l.number,
            title: lots[i]?.title ?? l.title,
            estimatedValueCents: l.estimatedValueCents,
            ...(lots[i]?.description ? { description: lots[i]?.description } : {}),
          })),
        }
      : {}),
  };
  const preview: AmendmentEntry = {
    id: 'preview',
    status: 'proposed',
    version: null,
    publishedAt: null,
    proposedAt: new Date().toISOString(),
    source: 'officer',
    reason: { code, text },
    significant: lotsChanged || docs.length > 0,
    lots: [],
    changes: [
      ...(deadlineChanged
        ? [{ field: 'submissionDeadline', before: tender.submissionDeadline, after: newDeadline }]
        : []),
      ...(lotsChanged ? [{ field: 'lots', before: lots0, after: changes.lots }] : []),
    ],
    documents: staged
      .filter((d) => docs.includes(d.id))
      .map((d) => ({ id: d.id, version: d.latest, title: d.title, sha256: '' })),
  };
  // The tender, its history and documents, and its notices (a change notice per published change).
  const done = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['tender', tender.id] }),
      queries.invalidateQueries({ queryKey: ['tenders', tender.id, 'eforms'] }),
    ]);
  const propose = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/amendments', {
          params: { path: { id: tender.id } },
          body: { changes, documents: docs, reason: { code, text: text.trim() } },
        }),
      ),
    onSuccess: () => {
      setReviewing(false);
      return done();
    },
  });
  const publish = useMutation({
    mutationFn: (aid: string) =>
      must(
        api.POST('/api/v1/tenders/{id}/amendments/{aid}/publish', {
          params: { path: { id: tender.id, aid } },
        }),
      ),
    onSuccess: () => {
      propose.reset();
      return done();
    },
  });
  const problem = firstProblem(propose.error, publish.error);
  const proposals = (amendments.data?.items ?? []).filter((a) => a.status === 'proposed');
  const nothing = !preview.changes.length && !docs.length;
  return (
    <Section id="amend" title={t('changes.amendTitle')}>
      <p className="ecl-u-type-paragraph">{t('changes.amendIntro')}</p>
      {problem ? <ProblemNotice problem={problem} /> : null}
      {propose.isSuccess ? <Notice variant="success" title={t('changes.proposed')} /> : null}
      {publish.isSuccess ? <Notice variant="success" title={t('changes.publishedNotice')} /> : null}
      {proposals.map((a) => (
        <div className="ecl-u-mb-l" key={a.id}>
          <h3 className="ecl-u-type-heading-4">
            {t('changes.proposal')} · <Instant iso={a.proposedAt} />
          </h3>
          <p className="ecl-u-type-paragraph ecl-u-mb-xs">
            {t(`changes.reasons.${a.reason.code}`)}: {a.reason.text}
          </p>
          <ChangeTable amendment={a} fieldName={fieldName} />
          <p className="ecl-u-type-paragraph">
            {a.significant ? t('changes.needsResolution', { id: a.id }) : t('changes.datesOnly')}
          </p>
          <button
            type="button"
            className="ecl-button ecl-button--primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate(a.id)}
          >
            {t('changes.publish')}
          </button>
        </div>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reviewing) propose.mutate();
          else setReviewing(true);
        }}
      >
        <TextField
          id="amend-deadline"
          type="datetime-local"
          label={t('changes.deadline')}
          help={t('changes.deadlineHint', { zone: zone() })}
          value={deadline}
          onChange={(v) => {
            setDeadline(v);
            setReviewing(false);
          }}
        />
        {lots.map((l, i) => (
          <fieldset className="ecl-u-mb-m" key={lots0[i]?.number}>
            <legend className="ecl-form-label">{t('tender.lot', { number: lots0[i]?.number })}</legend>
            <TextField
              id={`amend-lot-${i}-title`}
              label={t('changes.lotTitle')}
              value={l.title}
              onChange={(v) => {
                setLots(lots.map((x, j) => (j === i ? { ...x, title: v } : x)));
                setReviewing(false);
              }}
            />
            <TextArea
              id={`amend-lot-${i}-description`}
              label={t('changes.lotDescription')}
              required={false}
              rows={2}
              value={l.description}
              onChange={(v) => {
                setLots(lots.map((x, j) => (j === i ? { ...x, description: v } : x)));
                setReviewing(false);
              }}
            />
          </fieldset>
        ))}
        {staged.map((d) => (
          <Checkbox
            key={d.id}
            id={`amend-doc-${d.id}`}
            checked={docs.includes(d.id)}
            onChange={(on) => setDocs(on ? [...docs, d.id] : docs.filter((x) => x !== d.id))}
          >
            {t('changes.publishVersion', { title: d.title, version: d.latest })}
          </Checkbox>
        ))}
        <Select
          id="amend-reason"
          label={t('changes.reason')}
          value={code}
          onChange={(v) => setCode(v as typeof code)}
        >
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`changes.reasons.${r}`)}
            </option>
          ))}
        </Select>
        <TextArea id="amend-text" label={t('changes.explanation')} rows={3} value={text} onChange={setText} />
        {reviewing ? (
          <div className="ecl-u-mb-m">
            <h3 className="ecl-u-type-heading-4">{t('changes.review')}</h3>
            <ChangeTable amendment={preview} fieldName={fieldName} />
            <Notice
              variant={preview.significant ? 'warning' : 'info'}
              title={
                preview.significant && amendments.data
                  ? t('changes.earliest', { period: period(amendments.data.minPeriodAfterChange, locale) })
                  : t('changes.datesOnly')
              }
            >
              {preview.significant && amendments.data ? (
                <Instant iso={amendments.data.earliestDeadline} />
              ) : null}
            </Notice>
          </div>
        ) : null}
        <button
          type="submit"
          className={`ecl-button ${reviewing ? 'ecl-button--primary' : 'ecl-button--secondary'}`}
          disabled={propose.isPending || nothing || !text.trim()}
        >
          {reviewing ? t('changes.send') : t('changes.reviewButton')}
        </button>
      </form>
    </Section>
  );
}
