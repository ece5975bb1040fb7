import { el, maybe, type XmlElement, xmlDocument } from '../xml.js';
import {
  criterionResponses,
  type EspdAnswer,
  type EspdAnswers,
  evidenceId,
  type Value,
} from './espd-answers.js';
import {
  alpha3,
  COUNTRY_LIST,
  CRITERION_ID,
  countryElement,
  documentHeader,
  type EspdProcedure,
  lotId,
  NAMESPACES,
  projectElements,
} from './espd-document.js';
import {
  type AskedCriterion,
  askedCriteria,
  criterionElement,
  type EspdRequestSpec,
} from './espd-request.js';
import type { EspdTaxonomy } from './taxonomy.js';

// A vendor's ESPD response (a QualificationApplicationResponse) to the tender's request, for the
// lot of its bid: the request's criteria for that lot, then one response per question answered,
// each pointing at its question by the taxonomy's identifier (see `answerRoles`).

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
            ? el('cbc:ResponseCode', COUNTRY_LIST, alpha3(value.country))
            : el('cbc:Description', value.text);
  return el('cac:ResponseValue', el('cbc:ID', CRITERION_ID, `${propertyId}/R1/RV`), inner);
}

const response = (propertyId: string, value: Value, lot: number | undefined) =>
  el(
    'cac:TenderingCriterionResponse',
    el('cbc:ID', CRITERION_ID, `${propertyId}/R1`),
    el('cbc:ValidatedCriterionPropertyID', CRITERION_ID, propertyId),
    valueElement(propertyId, value),
    lot === undefined
      ? undefined
      : el('cac:ProcurementProjectLotReference', el('cbc:ID', CRITERION_ID, lotId(lot))),
  );

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
