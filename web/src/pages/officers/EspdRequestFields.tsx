import { useState } from 'react';
import { Checkbox, MoneyField, TextArea, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';
import type { ProblemError } from '../../lib/problems.js';
import type { OfferedCriterion } from '../espd/espd-types.js';
import { type EspdCriterionRow, type EspdDraft, useOffered } from './espd-draft.js';

// The tender's ESPD request as the officer builds it: the mandatory grounds, always asked; the
// discretionary grounds and the selection criteria found in the EU's taxonomy by words of their
// name (in the reader's language), each selection criterion with its requirements and lots.

export function EspdRequestFields({
  draft,
  onDraft,
  lots,
  problem,
}: {
  draft: EspdDraft;
  onDraft: (d: EspdDraft) => void;
  lots: number;
  problem?: ProblemError;
}) {
  const { t, locale } = useLocale();
  const [q, setQ] = useState('');
  const offered = useOffered(q.trim(), locale);
  const all = useOffered('', locale);
  if (!all.isSuccess) return null;
  const chosen = new Set([...draft.grounds.map((g) => g.code), ...draft.criteria.map((c) => c.code)]);
  const at = (path: string) => problem?.fieldMessage(`/espd${path}`);
  const add = (c: OfferedCriterion) =>
    onDraft(
      c.kind === 'exclusion'
        ? { ...draft, grounds: [...draft.grounds, { code: c.code, name: c.name }] }
        : {
            ...draft,
            criteria: [
              ...draft.criteria,
              { ...c, minimum: '', years: '', count: '', description: '', lots: [] },
            ],
          },
    );
  const change = (i: number, part: Partial<EspdCriterionRow>) =>
    onDraft({ ...draft, criteria: draft.criteria.map((c, j) => (j === i ? { ...c, ...part } : c)) });
  const found = offered.data?.items ?? [];
  return (
    <fieldset className="form-part">
      <legend className="ecl-u-type-heading-3">{t('espd.title')}</legend>
      <Checkbox id="espd-on" checked={draft.on} onChange={(on) => onDraft({ ...draft, on })}>
        {t('espd.ask')}
      </Checkbox>
      <p className="ecl-help-block">{t('espd.askHint')}</p>
      {draft.on ? (
        <>
          <h4 className="ecl-u-type-heading-4">{t('espd.mandatory')}</h4>
          <ul className="ecl-unordered-list espd-mandatory">
            {all.data?.mandatoryGrounds.map((g) => (
              <li className="ecl-unordered-list__item" key={g.code}>
                {g.name}
              </li>
            ))}
          </ul>
          <TextField
            id="espd-find"
            label={t('espd.find')}
            help={t('espd.findHint')}
            size="l"
            required={false}
            value={q}
            onChange={setQ}
          />
          <p className="ecl-u-type-paragraph-s" role="status">
            {q.trim() ? t('espd.found', { count: found.length }) : ''}
          </p>
          {q.trim() ? (
            <ul className="espd-found" aria-label={t('espd.results')}>
              {found.slice(0, 8).map((c) => (
                <li key={c.code} className="espd-found__item ecl-u-type-paragraph">
                  <span>
                    <strong>{c.name}</strong>{' '}
                    <span className="ecl-u-type-paragraph-s">
                      {t(`espd.kind.${c.kind}`)} · {t(`espd.sections.${c.section}`)}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="ecl-button ecl-button--secondary"
                    disabled={chosen.has(c.code)}
                    aria-label={t('espd.addNamed', { name: c.name })}
                    onClick={() => add(c)}
                  >
                    {chosen.has(c.code) ? t('espd.added') : t('espd.add')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <h4 className="ecl-u-type-heading-4">{t('espd.grounds')}</h4>
          {draft.grounds.length ? (
            <ul className="espd-found">
              {draft.grounds.map((g, i) => (
                <li key={g.code} className="espd-found__item ecl-u-type-paragraph">
                  <span>{g.name}</span>
                  <button
                    type="button"
                    className="ecl-button ecl-button--tertiary"
                    aria-label={t('espd.removeNamed', { name: g.name })}
                    onClick={() => onDraft({ ...draft, grounds: draft.grounds.filter((x) => x !== g) })}
                  >
                    {t('espd.remove')}
                  </button>
                  {at(`/exclusionGrounds/${i}`) ? (
                    <div className="ecl-feedback-message">{at(`/exclusionGrounds/${i}`)}</div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ecl-u-type-paragraph-s">{t('espd.noneChosen')}</p>
          )}
          <h4 className="ecl-u-type-heading-4">{t('espd.criteria')}</h4>
          {draft.criteria.length ? null : <p className="ecl-u-type-paragraph-s">{t('espd.noneChosen')}</p>}
          {draft.criteria.map((c, i) => (
            <fieldset className="tool-row criterion-row" key={c.code}>
              <legend className="ecl-form-label">{c.name}</legend>
              {c.requires.includes('minimumCents') ? (
                <MoneyField
                  id={`espd-${c.code}-minimum`}
                  label={t('espd.minimumCents')}
                  text={c.minimum}
                  onText={(minimum) => change(i, { minimum })}
                  error={at(`/selectionCriteria/${i}/minimumCents`)}
                />
              ) : null}
              {c.requires.includes('years') ? (
                <TextField
                  id={`espd-${c.code}-years`}
                  label={t('espd.years')}
                  type="number"
                  size="s"
                  min={1}
                  max={10}
                  value={c.years}
                  onChange={(years) => change(i, { years })}
                  error={at(`/selectionCriteria/${i}/years`)}
                />
              ) : null}
              {c.requires.includes('minimumCount') ? (
                <TextField
                  id={`espd-${c.code}-count`}
                  label={t('espd.minimumCount')}
                  type="number"
                  size="s"
                  min={1}
                  value={c.count}
                  onChange={(count) => change(i, { count })}
                  error={at(`/selectionCriteria/${i}/minimumCount`)}
                />
              ) : null}
              {c.requires.includes('description') ? (
                <TextArea
                  id={`espd-${c.code}-description`}
                  label={t('espd.requirement')}
                  rows={2}
                  value={c.description}
                  onChange={(description) => change(i, { description })}
                  error={at(`/selectionCriteria/${i}/description`)}
                />
              ) : null}
              {lots > 1 ? (
                <fieldset className="ecl-form-group ecl-u-mb-m">
                  <legend className="ecl-form-label">{t('espd.lots')}</legend>
                  <div className="ecl-help-block">{t('espd.lotsHint')}</div>
                  {Array.from({ length: lots }, (_, k) => k + 1).map((n) => (
                    <Checkbox
                      key={n}
                      id={`espd-${c.code}-lot-${n}`}
                      checked={c.lots.includes(n)}
                      onChange={(on) =>
                        change(i, { lots: on ? [...c.lots, n].sort() : c.lots.filter((x) => x !== n) })
                      }
                    >
                      {t('tender.lot', { number: n })}
                    </Checkbox>
                  ))}
                  {at(`/selectionCriteria/${i}/lots`) ? (
                    <div className="ecl-feedback-message">{at(`/selectionCriteria/${i}/lots`)}</div>
                  ) : null}
                </fieldset>
              ) : null}
              <button
                type="button"
                className="ecl-button ecl-button--tertiary"
                aria-label={t('espd.removeNamed', { name: c.name })}
                onClick={() => onDraft({ ...draft, criteria: draft.criteria.filter((_, j) => j !== i) })}
              >
                {t('espd.remove')}
              </button>
            </fieldset>
          ))}
        </>
      ) : null}
    </fieldset>
  );
}
