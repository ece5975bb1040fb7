import type { EspdCriterion, EspdGroup, EspdProperty } from './taxonomy.js';

// Which question of a criterion takes which part of the platform's answer, walking its groups as
// the ESPD-EDM's rules do: what a response writes, and what an answer still lacks.

/** The platform's answer to one criterion. */
export interface EspdAnswer {
  /** A ground: it applies. A selection criterion: the vendor meets it. */
  answer: boolean;
  amountCents?: number;
  description?: string;
  selfCleaning?: string;
  evidenceUrl?: string;
  /** A declared ground: the date of the conviction or decision, and the end of the exclusion it set. */
  date?: string;
  until?: string;
}

export type EspdAnswers = Record<string, EspdAnswer>;

/** One response's value, before it is written. */
export type Value =
  | { indicator: boolean }
  | { amountCents: number }
  | { text: string }
  | { date: string }
  | { period: [string, string] }
  | { country: string }
  | { evidence: string };

/** The evidence identifier an answer's address is given under. */
export const evidenceId = (code: string) => `EVIDENCE-${code}`;

/** What a question takes from the answer; `strict`: it sits in a group its indicator opened, so it must be answered. */
function valueFor(c: EspdCriterion, p: EspdProperty, a: EspdAnswer, country: string, strict: boolean) {
  const r = c.roles;
  const v = (value: Value | undefined, field?: string) => ({ value, field });
  switch (p.dataType) {
    case 'INDICATOR':
      if (p.id === r.answer) return v({ indicator: a.answer });
      if (p.id === r.byItself) return v({ indicator: true });
      if (p.id === r.selfCleaning) return v({ indicator: !!a.selfCleaning });
      if (p.id === r.electronic) return v({ indicator: !!a.evidenceUrl });
      return v(strict ? { indicator: false } : undefined);
    case 'DESCRIPTION': {
      const text = p.id === r.selfCleaningText ? a.selfCleaning : a.description;
      const field = p.id === r.selfCleaningText ? 'selfCleaning' : 'description';
      return v(strict || p.id === r.description ? (text ? { text } : undefined) : undefined, field);
    }
    case 'AMOUNT':
      return v(
        strict || p.id === r.amount
          ? a.amountCents === undefined
            ? undefined
            : { amountCents: a.amountCents }
          : undefined,
        'amountCents',
      );
    case 'DATE':
      return v(strict && a.date ? { date: a.date } : undefined, 'date');
    case 'PERIOD':
      return v(
        strict && a.date && a.until ? { period: [a.date, a.until] } : undefined,
        a.date ? 'until' : 'date',
      );
    case 'CODE_COUNTRY':
      return v(strict ? { country } : undefined);
    case 'EVIDENCE_IDENTIFIER':
      return v(a.evidenceUrl ? { evidence: evidenceId(c.code) } : undefined, 'evidenceUrl');
    default:
      return v(undefined, p.dataType);
  }
}

/**
 * The responses an answer gives to a criterion's questions, walking its groups as the rules do: a
 * group marked ONTRUE or ONFALSE opens by the indicator before it, and every question of an open
 * group must be answered; `missing` names the parts of the answer that such a question lacks.
 */
export function criterionResponses(c: EspdCriterion, a: EspdAnswer, country: string) {
  const values: [string, Value][] = [];
  const missing = new Set<string>();
  const walk = (groups: EspdGroup[], strict: boolean) => {
    for (const g of groups) {
      let indicator: boolean | undefined;
      for (const p of g.properties.filter((q) => q.type === 'QUESTION')) {
        const { value, field } = valueFor(c, p, a, country, strict);
        if (value) values.push([p.id, value]);
        else if (strict && field) missing.add(field);
        if (value && 'indicator' in value) indicator = value.indicator;
      }
      const opened = g.groups.filter(
        (sub) =>
          sub.groupType === 'ON*' ||
          (sub.groupType === 'ONTRUE' && indicator === true) ||
          (sub.groupType === 'ONFALSE' && indicator === false),
      );
      for (const sub of opened) walk([sub], strict || sub.groupType !== 'ON*');
    }
  };
  walk(c.groups, false);
  return { values, missing: [...missing] };
}
