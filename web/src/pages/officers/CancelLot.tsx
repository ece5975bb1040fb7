import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, must } from '../../api/client.js';
import type { Tender } from '../../api/types.js';
import { Notice, ProblemNotice } from '../../components/feedback.js';
import { Select, TextArea } from '../../components/forms.js';
import { Section } from '../../components/ui.js';
import { useLocale } from '../../i18n.js';
import { ProblemError } from '../../lib/problems.js';

/** The eForms reasons for not awarding a lot, in the order an officer most often needs them. */
const REASONS = [
  'chan-need',
  'no-rece',
  'all-rej',
  'one-admis',
  'ins-fund',
  'no-signed',
  'rev-body',
  'rev-buyer',
  'tch-pr-error',
  'other',
] as const;

/**
 * An officer cancels one lot with a reason from the EU's list, at any time before its contract:
 * the other lots go on; a lot still sealed is never opened; vendors are told.
 */
export function CancelLot({ tender }: { tender: Tender }) {
  const { t } = useLocale();
  const queries = useQueryClient();
  const open = tender.lots.filter((l) => !['cancelled', 'contracted'].includes(l.status));
  const [lot, setLot] = useState(String(open[0]?.number ?? ''));
  const [code, setCode] = useState<(typeof REASONS)[number]>('chan-need');
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The lot chosen, or the first still open once the chosen one is cancelled.
  const chosen = open.find((l) => String(l.number) === lot) ?? open[0];
  const cancel = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/v1/tenders/{id}/lots/{lot}/cancel', {
          params: { path: { id: tender.id, lot: String(chosen?.number) } },
          body: { reason: { code, text: text.trim() } },
        }),
      ),
    onSuccess: () => {
      setConfirming(false);
      setText('');
      // The tender, and its notices: a change notice names the lot before the deadline.
      return Promise.all([
        queries.invalidateQueries({ queryKey: ['tender', tender.id] }),
        queries.invalidateQueries({ queryKey: ['tenders', tender.id, 'eforms'] }),
      ]);
    },
  });
  if (!open.length) return null;
  const refused = cancel.error instanceof ProblemError ? cancel.error : undefined;
  return (
    <Section id="cancel-lot" title={t('cancelLot.title')}>
      <p className="ecl-u-type-paragraph">{t('cancelLot.intro')}</p>
      {cancel.isSuccess ? <Notice variant="success" title={t('cancelLot.done')} /> : null}
      {refused ? <ProblemNotice problem={refused} /> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (confirming) cancel.mutate();
          else setConfirming(true);
        }}
      >
        <Select
          id="cancel-lot-number"
          label={t('cancelLot.lot')}
          value={String(chosen?.number ?? '')}
          onChange={setLot}
          size="m"
        >
          {open.map((l) => (
            <option key={l.number} value={String(l.number)}>
              {t('tender.lot', { number: l.number })}: {l.title}
            </option>
          ))}
        </Select>
        <Select
          id="cancel-lot-reason"
          label={t('cancelLot.reason')}
          value={code}
          onChange={(v) => setCode(v as (typeof REASONS)[number])}
        >
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`cancelLot.reasons.${r}`)}
            </option>
          ))}
        </Select>
        <TextArea
          id="cancel-lot-text"
          label={t('cancelLot.explanation')}
          help={t('cancelLot.explanationHint')}
          rows={3}
          value={text}
          onChange={setText}
          error={refused?.fieldMessage('/reason/text')}
        />
        {confirming && chosen ? (
          <Notice
            variant="warning"
            title={t('cancelLot.confirm', { number: chosen.number, title: chosen.title })}
          />
        ) : null}
        <button
          type="submit"
          className={`ecl-button ${confirming ? 'ecl-button--primary' : 'ecl-button--secondary'}`}
          disabled={cancel.isPending || !text.trim() || !chosen}
        >
          {confirming ? t('cancelLot.confirmButton') : t('cancelLot.button')}
        </button>
        {confirming ? (
          <button
            type="button"
            className="ecl-button ecl-button--tertiary ecl-u-ml-m"
            onClick={() => setConfirming(false)}
          >
            {t('cancelLot.keep')}
          </button>
        ) : null}
      </form>
    </Section>
  );
}
