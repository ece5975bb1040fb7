import { criteriaForLot } from '../espd/espd-response.js';
import { criterionName } from '../espd/taxonomy.js';
import { configuredTaxonomy } from '../tenders/espd-request.js';
import type { TenderRecord } from '../tenders/tender.model.js';
import type { BidRecord } from './bid.model.js';
import type { EspdInput } from './espd-response.js';

// What the evaluation must look at in an opened bid's ESPD, against the tender's request.

/** One thing found: a ground declared, a criterion not met, an amount below the minimum. */
export type EspdFlag = {
  code: string;
  kind: 'exclusion' | 'selection';
  name: string;
  flag: 'ground-declared' | 'not-met' | 'below-minimum';
  description?: string;
  selfCleaning?: string;
  amountCents?: number;
  minimumCents?: number;
};

/** What the evaluation must look at in a bid's ESPD: each ground declared and each requirement not met, in the vendor's own words. */
export function espdFlags(t: TenderRecord, b: Pick<BidRecord, 'lot' | 'opened'>, language: string) {
  const tax = configuredTaxonomy();
  const answers = (b.opened as { espd?: EspdInput } | null)?.espd?.answers;
  if (!t.espd || !tax || !answers) return undefined;
  const flags: EspdFlag[] = [];
  for (const a of criteriaForLot(
    tax,
    t.espd,
    t.lots.map((l) => l.number),
    b.lot,
  )) {
    const answer = answers[a.criterion.code];
    const kind = a.criterion.kind === 'exclusion' ? 'exclusion' : 'selection';
    const base = { code: a.criterion.code, kind, name: criterionName(a.criterion, language) } as const;
    const words = {
      ...(answer?.description ? { description: answer.description } : {}),
      ...(answer?.selfCleaning ? { selfCleaning: answer.selfCleaning } : {}),
    };
    if (kind === 'exclusion' && answer?.answer) flags.push({ ...base, flag: 'ground-declared', ...words });
    else if (kind === 'selection' && !answer?.answer) flags.push({ ...base, flag: 'not-met', ...words });
    else if (
      kind === 'selection' &&
      a.spec?.minimumCents !== undefined &&
      (answer?.amountCents ?? 0) < a.spec.minimumCents
    )
      flags.push({
        ...base,
        flag: 'below-minimum',
        amountCents: answer?.amountCents ?? 0,
        minimumCents: a.spec.minimumCents,
        ...words,
      });
  }
  return {
    answers,
    flags,
    suggestedChecks: {
      exclusion: flags.some((f) => f.kind === 'exclusion') ? 'fail' : 'pass',
      selection: flags.some((f) => f.kind === 'selection') ? 'fail' : 'pass',
    } as const,
  };
}

/** A flag in words (English, as the report is written): the criterion, what was found, the vendor's own words. */
export const espdFlagText = (f: EspdFlag) =>
  [
    `${f.name}: ${
      f.flag === 'ground-declared'
        ? 'ground declared'
        : f.flag === 'not-met'
          ? 'not met'
          : `${(f.amountCents ?? 0) / 100} EUR is below the minimum of ${(f.minimumCents ?? 0) / 100} EUR`
    }`,
    f.description ? `"${f.description}"` : '',
    f.selfCleaning ? `self-cleaning: "${f.selfCleaning}"` : '',
  ]
    .filter(Boolean)
    .join(' — ');
