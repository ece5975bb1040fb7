import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import type { XmlElement } from '../xml.js';

// The ESPD-EDM's criterion taxonomy, read from the operator's ESPD-EDM folder (the platform commits
// none of it): every exclusion ground and selection criterion with its e-Certis identifier, its
// legislation and the tree of requirements and questions a request must repeat exactly, and their
// names in every EU language from the `Criterion` codelist. Read once per folder.

export type CriterionKind = 'exclusion' | 'selection' | 'other';

/** A requirement the buyer sets or a question the vendor answers, as the taxonomy defines it. */
export interface EspdProperty {
  id: string;
  description: string;
  type: string;
  dataType: string;
  /** The element as the taxonomy writes it (its `Expected…` value is an example for requirements). */
  element: XmlElement;
}

export interface EspdGroup {
  id: string;
  groupType: string;
  properties: EspdProperty[];
  groups: EspdGroup[];
  element: XmlElement;
}

/** Which question carries which part of a vendor's answer (see answerRoles). */
export interface AnswerRoles {
  answer?: string;
  byItself?: string;
  description?: string;
  amount?: string;
  selfCleaning?: string;
  selfCleaningText?: string;
  electronic?: string;
  evidence?: string;
}

export interface EspdCriterion {
  uuid: string;
  code: string;
  kind: CriterionKind;
  /** Its names by ISO 639-2 language (`eng`, `nld`, …), from the codelist. */
  names: Record<string, string>;
  description: string;
  /** The whole criterion as the taxonomy writes it. */
  element: XmlElement;
  groups: EspdGroup[];
  /** The requirements the buyer sets, by their data type (`MINIMUM_AMOUNT`, `QUANTITY_YEAR`, …). */
  requirementTypes: string[];
  roles: AnswerRoles;
}

export interface EspdTaxonomy {
  folder: string;
  criteria: EspdCriterion[];
  byCode: Map<string, EspdCriterion>;
  /** Every question and requirement by its id, across criteria. */
  properties: Map<string, { criterion: EspdCriterion; property: EspdProperty }>;
}

/** Art. 57(1)–(2): the grounds every request asks (the Request rule BR-REQ-30 checks them). */
export const MANDATORY_GROUNDS = [
  'crime-org',
  'corruption',
  'fraud',
  'terr-offence',
  'finan-laund',
  'human-traffic',
  'tax-pay',
  'socsec-pay',
] as const;

/** The platform's languages as the codelists name them. */
export const codelistLanguage = (language: string) => (language === 'nl' ? 'nld' : 'eng');

/** A parsed XML node, as xmlbuilder2's DOM gives it. */
export type DomNode = {
  nodeType: number;
  nodeName: string;
  localName: string | null;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
};

/** A parsed element as plain data (comments and blank text left out). */
function plain(node: DomNode): XmlElement {
  const attrs: Record<string, string> = {};
  for (const a of Array.from(node.attributes ?? [])) if (!a.name.startsWith('xmlns')) attrs[a.name] = a.value;
  const children: XmlElement['children'] = [];
  for (const c of Array.from(node.childNodes)) {
    if (c.nodeType === 1) children.push(plain(c));
    else if (c.nodeType === 3 && c.textContent?.trim()) children.push(c.textContent.trim());
  }
  return { name: node.nodeName, attrs, children };
}

const childElements = (e: XmlElement, local: string) =>
  e.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (c.name === local || c.name.endsWith(`:${local}`)),
  );
/** The text of an element's first child of that local name. */
export const childText = (e: XmlElement, local: string) => {
  const c = childElements(e, local)[0]?.children[0];
  return typeof c === 'string' ? c : '';
};

function group(e: XmlElement): EspdGroup {
  return {
    id: childText(e, 'ID'),
    groupType: childText(e, 'PropertyGroupTypeCode'),
    element: e,
    properties: childElements(e, 'TenderingCriterionProperty').map((p) => ({
      id: childText(p, 'ID'),
      description: childText(p, 'Description'),
      type: childText(p, 'TypeCode'),
      dataType: childText(p, 'ValueDataTypeCode'),
      element: p,
    })),
    groups: childElements(e, 'SubsidiaryTenderingCriterionPropertyGroup').map(group),
  };
}

/** Every property of a criterion, depth first, in document order. */
export function allProperties(groups: EspdGroup[]): EspdProperty[] {
  return groups.flatMap((g) => [...g.properties, ...allProperties(g.groups)]);
}

/**
 * Which question takes which part of the platform's answer: the yes/no answer ("Your answer", or
 * for a selection criterion without one, whether the vendor fulfils it by itself), the amount, the
 * vendor's own words, the self-cleaning measures (art. 57(6)) and the evidence address.
 */
export function answerRoles(groups: EspdGroup[]): AnswerRoles {
  const questions = allProperties(groups).filter((p) => p.type === 'QUESTION');
  const find = (test: (p: EspdProperty) => boolean) => questions.find(test)?.id;
  const byItself = find((p) => p.dataType === 'INDICATOR' && /by itself/i.test(p.description));
  const answer = find((p) => p.dataType === 'INDICATOR' && /^your answer/i.test(p.description)) ?? byItself;
  const selfCleaning = find((p) => p.dataType === 'INDICATOR' && /self-cleaning/i.test(p.description));
  const reliance = byItself ? byItself.replace(/\/Q\d+$/, '/') : undefined;
  const words = (p: EspdProperty) =>
    p.dataType === 'DESCRIPTION' &&
    !(reliance && p.id.startsWith(reliance)) &&
    !(selfCleaning && p.id.startsWith(selfCleaning.replace(/\/Q\d+$/, '/QSG')));
  const electronic = find(
    (p) => p.dataType === 'INDICATOR' && /available (electronically|online)/i.test(p.description),
  );
  return {
    answer,
    byItself: byItself !== answer ? byItself : undefined,
    description: find(words),
    amount: find((p) => p.dataType === 'AMOUNT'),
    selfCleaning,
    selfCleaningText: selfCleaning
      ? find((p) => p.dataType === 'DESCRIPTION' && p.id.startsWith(selfCleaning.replace(/\/Q\d+$/, '/QSG')))
      : undefined,
    electronic,
    evidence: find(
      (p) =>
        p.dataType === 'EVIDENCE_IDENTIFIER' &&
        !!electronic &&
        p.id.startsWith(electronic.replace(/\/Q\d+$/, '/QSG')),
    ),
  };
}

function criterionNames(folder: string): Map<string, Record<string, string>> {
  const doc = plain(
    create(readFileSync(path.join(folder, 'codelists', 'gc', 'Criterion.gc'), 'utf8')).root()
      .node as unknown as DomNode,
  );
  const names = new Map<string, Record<string, string>>();
  for (const row of childElements(childElements(doc, 'SimpleCodeList')[0] ?? doc, 'Row')) {
    const values: Record<string, string> = {};
    for (const v of childElements(row, 'Value'))
      values[v.attrs.ColumnRef ?? ''] = childText(v, 'SimpleValue');
    const code = values.code;
    if (!code) continue;
    const byLanguage: Record<string, string> = {};
    for (const [column, text] of Object.entries(values)) {
      const m = /^([a-z]{3})_label$/.exec(column);
      if (m?.[1]) byLanguage[m[1]] = text;
    }
    byLanguage.eng ??= values.Name ?? code;
    names.set(code, byLanguage);
  }
  return names;
}

const loaded = new Map<string, EspdTaxonomy>();

/** The taxonomy of an ESPD-EDM 4.1.0 folder. */
export function espdTaxonomy(folder: string): EspdTaxonomy {
  const known = loaded.get(folder);
  if (known) return known;
  const file = path.join(folder, 'validation', 'ESPDRequest', 'xsl', 'ESPD-criterion.xml');
  const root = plain(create(readFileSync(file, 'utf8')).root().node as unknown as DomNode);
  const names = criterionNames(folder);
  const criteria = childElements(root, 'TenderingCriterion').map((e): EspdCriterion => {
    const groups = childElements(e, 'TenderingCriterionPropertyGroup').map(group);
    const code = childText(e, 'CriterionTypeCode');
    const kindMark = /^C\d+_([A-Z]{2})_/.exec(groups[0]?.id ?? '')?.[1];
    return {
      uuid: childText(e, 'ID'),
      code,
      kind: kindMark === 'EG' ? 'exclusion' : kindMark === 'SC' ? 'selection' : 'other',
      names: names.get(code) ?? { eng: childText(e, 'Name') },
      description: childText(e, 'Description'),
      element: e,
      groups,
      requirementTypes: allProperties(groups)
        .filter((p) => p.type === 'REQUIREMENT')
        .map((p) => p.dataType),
      roles: answerRoles(groups),
    };
  });
  const properties = new Map<string, { criterion: EspdCriterion; property: EspdProperty }>();
  for (const criterion of criteria)
    for (const property of allProperties(criterion.groups))
      properties.set(property.id, { criterion, property });
  const taxonomy = { folder, criteria, byCode: new Map(criteria.map((c) => [c.code, c])), properties };
  loaded.set(folder, taxonomy);
  return taxonomy;
}

/** A criterion's name in a platform language (English where the codelist has none). */
export const criterionName = (c: EspdCriterion, language: string) =>
  c.names[codelistLanguage(language)] ?? c.names.eng ?? c.code;
