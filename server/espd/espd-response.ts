import { el, maybe, type XmlElement, xmlDocument } from '../xml.js';
import {
  type AskedCriterion,
  alpha3,
  askedCriteria,
  countryElement,
  criterionElement,
  documentHeader,
  type EspdProcedure,
  type EspdRequestSpec,
  lotId,
  NAMESPACES,
  projectElements,
} from './espd-request.js';
import type { EspdCriterion, EspdGroup, EspdProperty, EspdTaxonomy } from './taxonomy.js';

// A vendor's ESPD response (a QualificationApplicationResponse) to the tender's request, for the
// lot of its bid: the request's criteria for that lot, then one response per question answered,
// each pointing at its question by the taxonomy's identifier (see `answerRoles`).

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

/** Who answers: the vendor, as the response's economic operator. */
export interface EspdVendor {
  id: string;
  name: string;
  country: string;
  size: string;
  registrationNumber?: string | null;
  email?: string | null;
  city?: string | null;
  postalCode?: string | null;
  website?: string | null;
}

/** The criteria a bid for a lot answers: the grounds, and the selection criteria of that lot. */
export const criteriaForLot = (tax: EspdTaxonomy, spec: EspdRequestSpec, lots: number[], lot: number) =>
  askedCriteria(tax, spec, lots).filter((a) => a.criterion.kind === 'exclusion' || a.lots.includes(lot));

const criterionId = { schemeID: 'Criterion', schemeAgencyID: 'OP', schemeVersionID: '4.1.0' };

type Value =
  | { indicator: boolean }
  | { amountCents: number }
  | { text: string }
  | { date: string }
  | { period: [string, string] }
  | { country: string }
  | { evidence: string };

const countryList = {
  listID: 'http://publications.europa.eu/resource/authority/country',
  listAgencyID: 'OP',
  listVersionID: '20250924-0',
};

function valueElement(propertyId: string, value: Value): XmlElement {
  if ('evidence' in value)
    return el('cac:EvidenceSupplied', el('cbc:ID', { schemeAgencyID: 'OP' }, value.evidence));
  if ('period' in value)
    return el(
      'cac:ApplicablePeriod',
      el('cbc:StartDate', value.period[0]),
      el('cbc:EndDate', value.period[1]),
    );
  const inner =
    'indicator' in value
      ? el('cbc:ResponseIndicator', String(value.indicator))
      : 'amountCents' in value
        ? el('cbc:ResponseAmount', { currencyID: 'EUR' }, (value.amountCents / 100).toFixed(2))
        : 'date' in value
          ? el('cbc:ResponseDate', value.date)
          : 'country' in value
            ? el('cbc:ResponseCode', countryList, alpha3(value.country))
            : el('cbc:Description', value.text);
  return el('cac:ResponseValue', el('cbc:ID', criterionId, `${propertyId}/R1/RV`), inner);
}

const response = (propertyId: string, value: Value, lot: number | undefined) =>
  el(
    'cac:TenderingCriterionResponse',
    el('cbc:ID', criterionId, `${propertyId}/R1`),
    el('cbc:ValidatedCriterionPropertyID', criterionId, propertyId),
    valueElement(propertyId, value),
    lot === undefined
      ? undefined
      : el('cac:ProcurementProjectLotReference', el('cbc:ID', criterionId, lotId(lot))),
  );

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

/** The responses to one criterion's questions, from the platform's answer. */
function responses(a: AskedCriterion, answer: EspdAnswer, lot: number, country: string): XmlElement[] {
  const onLot = a.criterion.kind === 'selection' ? lot : undefined;
  return criterionResponses(a.criterion, answer, country).values.map(([id, v]) => response(id, v, onLot));
}

const evidenceElement = (code: string, url: string) =>
  el(
    'cac:Evidence',
    el('cbc:ID', { schemeAgencyID: 'OP' }, evidenceId(code)),
    el(
      'cac:DocumentReference',
      el('cbc:ID', { schemeAgencyID: 'OP' }, evidenceId(code)),
      el('cac:Attachment', el('cac:ExternalReference', el('cbc:URI', url))),
    ),
  );

function economicOperator(v: EspdVendor): XmlElement {
  return el(
    'cac:EconomicOperatorParty',
    el(
      'cac:EconomicOperatorRole',
      el(
        'cbc:RoleCode',
        {
          listID: 'http://publications.europa.eu/resource/authority/eo-role-type',
          listAgencyID: 'OP',
          listVersionID: '20211208-0',
        },
        'sole-tenderer',
      ),
    ),
    el(
      'cac:Party',
      maybe('cbc:WebsiteURI', v.website),
      el(
        'cbc:IndustryClassificationCode',
        {
          listID: 'http://publications.europa.eu/resource/authority/economic-operator-size',
          listAgencyID: 'OP',
          listVersionID: '20250924-0',
        },
        v.size,
      ),
      el('cac:PartyIdentification', el('cbc:ID', { schemeAgencyID: 'OP' }, v.registrationNumber || v.id)),
      el('cac:PartyName', el('cbc:Name', v.name)),
      el(
        'cac:PostalAddress',
        maybe('cbc:CityName', v.city),
        maybe('cbc:PostalZone', v.postalCode),
        countryElement(v.country),
      ),
      v.email ? el('cac:Contact', el('cbc:ElectronicMail', v.email)) : undefined,
    ),
  );
}

/** A bid's ESPD response as XML, for its lot. */
export function espdResponseXml(
  tax: EspdTaxonomy,
  spec: EspdRequestSpec,
  p: EspdProcedure,
  bid: { id: string; lot: number; receivedAt: Date; vendor: EspdVendor; answers: EspdAnswers },
  language: string,
) {
  const asked = criteriaForLot(tax, spec, p.lots, bid.lot);
  const answered = asked.flatMap((a) => {
    const answer = bid.answers[a.criterion.code];
    return answer ? [{ a, answer }] : [];
  });
  return xmlDocument(
    el(
      'QualificationApplicationResponse',
      {
        xmlns: 'urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2',
        ...NAMESPACES,
      },
      documentHeader('RESP', bid.id, p, bid.receivedAt),
      economicOperator(bid.vendor),
      projectElements(p, [bid.lot]),
      asked.map((a) => criterionElement(a, language, a.criterion.kind === 'selection' ? [bid.lot] : [])),
      answered.flatMap(({ a, answer }) => responses(a, answer, bid.lot, bid.vendor.country)),
      answered.flatMap(({ a, answer }) =>
        answer.evidenceUrl ? [evidenceElement(a.criterion.code, answer.evidenceUrl)] : [],
      ),
    ),
  );
}
