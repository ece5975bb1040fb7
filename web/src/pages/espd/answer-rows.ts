import type { useLocale } from '../../i18n.js';
import { fixed, type Locale, money, parseMoney } from '../../lib/format.js';
import type { AskedCriterion, EspdAnswers, EspdField } from './espd-types.js';

// A vendor's ESPD answers as the form holds them (text as typed, per criterion) and as the API
// takes them; which parts of an answer the form shows; a criterion's requirements in words.

/** One criterion's answer as typed. */
export interface AnswerRow {
  answer: '' | 'yes' | 'no';
  amountCents: string;
  description: string;
  selfCleaning: string;
  evidenceUrl: string;
  date: string;
  until: string;
}

export type AnswerRows = Record<string, AnswerRow>;

export const emptyRow: AnswerRow = {
  answer: '',
  amountCents: '',
  description: '',
  selfCleaning: '',
  evidenceUrl: '',
  date: '',
  until: '',
};

/** The criteria a bid for the lot answers: every ground, and the selection criteria of that lot. */
export const criteriaForLot = (criteria: AskedCriterion[], lot: number) =>
  criteria.filter((c) => c.kind === 'exclusion' || c.lots.includes(lot));

/** The fields an answer shows: those it must give, then those it may. */
export function shownFields(c: AskedCriterion, row: AnswerRow): { field: EspdField; required: boolean }[] {
  if (!row.answer) return [];
  const must = row.answer === 'yes' ? c.answerFields.onYes : c.answerFields.onNo;
  const may = c.answerFields.optional.filter(
    (f) => row.answer === 'yes' || (f === 'evidenceUrl' && c.kind === 'exclusion'),
  );
  return [
    ...must.map((field) => ({ field, required: true })),
    ...may.map((field) => ({ field, required: false })),
  ];
}

/** The answers as the API takes them, for the criteria the lot asks. */
export function answersOf(rows: AnswerRows, criteria: AskedCriterion[], locale: Locale): EspdAnswers {
  const out: EspdAnswers = {};
  for (const c of criteria) {
    const row = rows[c.code];
    if (!row?.answer) continue;
    const answer: EspdAnswers[string] = { answer: row.answer === 'yes' };
    for (const { field } of shownFields(c, row)) {
      const text = row[field].trim();
      if (!text) continue;
      if (field === 'amountCents') answer.amountCents = parseMoney(text, locale) ?? Number.NaN;
      else answer[field] = text;
    }
    out[c.code] = answer;
  }
  return out;
}

/** Answers from the API (the organisation's last, or an imported ESPD) as rows to review. */
export function rowsOf(answers: EspdAnswers, locale: Locale): AnswerRows {
  return Object.fromEntries(
    Object.entries(answers).map(([code, a]) => [
      code,
      {
        ...emptyRow,
        answer: a.answer ? 'yes' : 'no',
        amountCents: a.amountCents === undefined ? '' : fixed(a.amountCents / 100, locale),
        description: a.description ?? '',
        selfCleaning: a.selfCleaning ?? '',
        evidenceUrl: a.evidenceUrl ?? '',
        date: a.date ?? '',
        until: a.until ?? '',
      },
    ]),
  );
}

/** What the tender asks of a criterion, in words: a minimum, a number of years or references, a description. */
export function requirementText(c: AskedCriterion, t: ReturnType<typeof useLocale>['t'], locale: Locale) {
  const r = c.requirements;
  const parts = [
    r.minimumCents !== undefined ? t('espd.minimum', { amount: money(r.minimumCents, locale) }) : '',
    r.years !== undefined ? t('espd.overYears', { years: r.years }) : '',
    r.minimumCount !== undefined ? t('espd.atLeast', { count: r.minimumCount }) : '',
    r.description ?? '',
  ].filter(Boolean);
  return parts.length ? t('espd.asked', { what: parts.join(', ') }) : '';
}
