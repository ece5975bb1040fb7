import { criterionResponses } from './espd-answers.js';
import type { EspdCriterion } from './taxonomy.js';

// How the ESPD groups its criteria for the reader (its parts III A–D and IV A–D), and what a
// criterion asks of the vendor who answers yes or no: the forms the console draws.

const SECTIONS: Record<string, readonly string[]> = {
  convictions: ['crime-org', 'corruption', 'fraud', 'terr-offence', 'finan-laund', 'human-traffic'],
  contributions: ['tax-pay', 'socsec-pay'],
  national: ['nati-ground'],
  suitability: ['prof-regist', 'trade-regist', 'authorisation', 'membership'],
  economic: [
    'gen-year-to',
    'aver-year-to',
    'spec-aver-to',
    'spec-year-to',
    'finan-rat',
    'indem-insu',
    'finan-requ',
  ],
  quality: ['qu-certif-indep', 'envir-certif-indep'],
};

export type EspdSection =
  | 'convictions'
  | 'contributions'
  | 'misconduct'
  | 'national'
  | 'suitability'
  | 'economic'
  | 'technical'
  | 'quality';

/** The part of the ESPD a criterion sits in; the other grounds are insolvency, conflicts or misconduct, the other criteria technical ability. */
export function espdSection(c: Pick<EspdCriterion, 'code' | 'kind'>): EspdSection {
  const named = Object.entries(SECTIONS).find(([, codes]) => codes.includes(c.code))?.[0];
  if (named) return named as EspdSection;
  return c.kind === 'exclusion' ? 'misconduct' : 'technical';
}

/**
 * What the vendor writes besides yes or no: the parts its answer must give on yes and on no (as
 * the criterion's groups open by the answer), and those it may give.
 */
export function answerFields(c: EspdCriterion, minimumCents?: number) {
  const onYes = criterionResponses(c, { answer: true }, 'BE').missing;
  // A period is asked as its start, then its end.
  const dated = criterionResponses(c, { answer: true, date: '2000-01-01' }, 'BE').missing;
  if (dated.includes('until')) onYes.push('until');
  if (minimumCents !== undefined && c.roles.amount && !onYes.includes('amountCents'))
    onYes.push('amountCents');
  const onNo = criterionResponses(c, { answer: false }, 'BE').missing;
  const r = c.roles;
  const may = [
    r.amount ? 'amountCents' : '',
    r.description ? 'description' : '',
    r.selfCleaning ? 'selfCleaning' : '',
    r.evidence ? 'evidenceUrl' : '',
  ].filter((f) => f && !onYes.includes(f) && !onNo.includes(f));
  return { onYes, onNo, optional: may };
}
