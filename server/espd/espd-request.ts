import { el, type XmlElement, type XmlNode, xmlDocument } from '../xml.js';
import {
  CRITERION_ID,
  documentHeader,
  type EspdProcedure,
  lotId,
  NAMESPACES,
  projectElements,
} from './espd-document.js';
import {
  allProperties,
  criterionName,
  type EspdCriterion,
  type EspdTaxonomy,
  MANDATORY_GROUNDS,
} from './taxonomy.js';

// The buyer's ESPD request (an ESPD-EDM 4.1.0 QualificationApplicationRequest) from the tender's
// choice of criteria: every criterion repeats the taxonomy's structure and identifiers exactly (the
// rules compare them with e-Certis), with the buyer's requirements in place of the examples.

export interface SelectionCriterionSpec {
  code: string;
  lots?: number[];
  minimumCents?: number;
  years?: number;
  minimumCount?: number;
  description?: string;
}

export interface EspdRequestSpec {
  exclusionGrounds: string[];
  selectionCriteria: SelectionCriterionSpec[];
}

/** The requirement a buyer gives for each data type the taxonomy asks of it. */
export const REQUIREMENT_FIELDS: Record<string, keyof SelectionCriterionSpec | null> = {
  LOT_IDENTIFIER: null,
  CODE_BOOLEAN: null,
  MINIMUM_AMOUNT: 'minimumCents',
  QUANTITY_YEAR: 'years',
  MINIMUM_QUANTITY_YEAR: 'years',
  MINIMUM_QUANTITY_INTEGER: 'minimumCount',
  DESCRIPTION: 'description',
};

/** The selection criteria a request may carry: those whose every requirement the platform can set. */
export const isOfferedSelection = (c: EspdCriterion) =>
  c.kind === 'selection' && c.requirementTypes.every((t) => t in REQUIREMENT_FIELDS);

/** What a selection criterion needs the officer to give (`minimumCents`, `years`, …). */
export const requiredFields = (c: EspdCriterion) => [
  ...new Set(
    c.requirementTypes
      .map((t) => REQUIREMENT_FIELDS[t])
      .filter((f): f is keyof SelectionCriterionSpec => !!f),
  ),
];

/** A criterion as asked: the taxonomy's with its name in the reader's language and the buyer's values. */
export interface AskedCriterion {
  criterion: EspdCriterion;
  lots: number[];
  spec?: SelectionCriterionSpec;
}

/** Every criterion the request asks, in the taxonomy's order: the grounds, then the selection. */
export function askedCriteria(tax: EspdTaxonomy, spec: EspdRequestSpec, lots: number[]): AskedCriterion[] {
  const grounds = new Set<string>([...MANDATORY_GROUNDS, ...spec.exclusionGrounds]);
  const asked: AskedCriterion[] = tax.criteria
    .filter((c) => c.kind === 'exclusion' && grounds.has(c.code))
    .map((criterion) => ({ criterion, lots: [] }));
  for (const s of spec.selectionCriteria) {
    const criterion = tax.byCode.get(s.code);
    if (criterion) asked.push({ criterion, lots: s.lots ?? lots, spec: s });
  }
  return asked;
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** The text a requirement of the given data type takes from the buyer (undefined: the taxonomy's own). */
function requirementValue(a: AskedCriterion, dataType: string, lot: number | undefined): string | undefined {
  if (dataType === 'LOT_IDENTIFIER') return lot === undefined ? undefined : lotId(lot);
  if (a.criterion.kind === 'exclusion') {
    if (dataType === 'MINIMUM_AMOUNT') return '0.00';
    if (dataType === 'DESCRIPTION') return 'Any amount unpaid is to be declared.';
    return undefined;
  }
  const field = REQUIREMENT_FIELDS[dataType];
  const value = field ? a.spec?.[field] : undefined;
  if (value === undefined) return undefined;
  return field === 'minimumCents' ? euros(value as number) : String(value);
}

/** A property group with the buyer's requirement values (for one lot where the criterion has lots). */
function withRequirements(e: XmlElement, a: AskedCriterion, lot: number | undefined): XmlElement {
  const isRequirement = (p: XmlElement) =>
    p.name === 'cac:TenderingCriterionProperty' &&
    p.children.some(
      (c) => typeof c !== 'string' && c.name === 'cbc:TypeCode' && c.children[0] === 'REQUIREMENT',
    );
  const children = e.children.map((c): XmlNode => {
    if (typeof c === 'string') return c;
    if (c.name === 'cac:SubsidiaryTenderingCriterionPropertyGroup') return withRequirements(c, a, lot);
    if (!isRequirement(c)) return c;
    const dataType = c.children.find((x) => typeof x !== 'string' && x.name === 'cbc:ValueDataTypeCode');
    const type = typeof dataType === 'string' ? '' : String(dataType?.children[0] ?? '');
    const value = requirementValue(a, type, lot);
    if (value === undefined) return c;
    return {
      ...c,
      children: c.children.map((x) =>
        typeof x !== 'string' && /^cbc:(Expected|Minimum|Maximum)/.test(x.name)
          ? { ...x, children: [value] }
          : x,
      ),
    };
  });
  return { ...e, children };
}

const ARTICLES: Record<string, string> = { 'tax-pay': 'Article 57(2)', 'socsec-pay': 'Article 57(2)' };
const articleOf = (c: EspdCriterion) =>
  c.kind === 'selection'
    ? 'Article 58'
    : (ARTICLES[c.code] ??
      ((MANDATORY_GROUNDS as readonly string[]).includes(c.code) ? 'Article 57(1)' : 'Article 57(4)'));

/** The legislation a criterion rests on: Directive 2014/24/EU and its article. */
function legislation(e: XmlElement, c: EspdCriterion): XmlElement {
  const values: Record<string, string> = {
    'cbc:Title': 'Directive 2014/24/EU of the European Parliament and of the Council on public procurement',
    'cbc:Description': c.kind === 'selection' ? 'Selection criteria' : 'Exclusion grounds',
    'cbc:Article': articleOf(c),
    'cbc:URI': 'http://data.europa.eu/eli/dir/2014/24/oj',
  };
  return {
    ...e,
    children: e.children.map((x) =>
      typeof x !== 'string' && values[x.name] ? { ...x, children: [values[x.name] as string] } : x,
    ),
  };
}

/**
 * A criterion as a request (and a response, for one lot) writes it: the taxonomy's elements, its
 * name in the reader's language, its lots, its legislation, and a copy of its requirement groups
 * per lot with that lot's identifier.
 */
export function criterionElement(a: AskedCriterion, language: string, lots = a.lots): XmlElement {
  const e = a.criterion.element;
  const children: XmlNode[] = [];
  for (const c of e.children) {
    if (typeof c === 'string' || c.name === 'cac:ProcurementProjectLotReference') continue;
    if (c.name === 'cbc:Name') children.push({ ...c, children: [criterionName(a.criterion, language)] });
    else if (c.name === 'cac:Legislation') {
      for (const lot of lots)
        children.push(el('cac:ProcurementProjectLotReference', el('cbc:ID', CRITERION_ID, lotId(lot))));
      children.push(legislation(c, a.criterion));
    } else if (c.name === 'cac:TenderingCriterionPropertyGroup') {
      const usesLot = allProperties(a.criterion.groups).some((p) => p.dataType === 'LOT_IDENTIFIER');
      if (usesLot && lots.length) for (const lot of lots) children.push(withRequirements(c, a, lot));
      else children.push(withRequirements(c, a, undefined));
    } else children.push(c);
  }
  return { ...e, children };
}

/** The tender's ESPD request as XML, its criteria named in the reader's language. */
export function espdRequestXml(tax: EspdTaxonomy, spec: EspdRequestSpec, p: EspdProcedure, language: string) {
  return xmlDocument(
    el(
      'QualificationApplicationRequest',
      {
        xmlns: 'urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationRequest-2',
        ...NAMESPACES,
      },
      documentHeader('REQ', p.tenderId, p, p.issuedAt),
      projectElements(p, p.lots),
      askedCriteria(tax, spec, p.lots).map((a) => criterionElement(a, language)),
    ),
  );
}
