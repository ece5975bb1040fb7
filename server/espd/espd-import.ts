import { create } from 'xmlbuilder2';
import type { EspdAnswer, EspdAnswers } from './espd-answers.js';
import type { DomNode, EspdTaxonomy } from './taxonomy.js';

// Reads an ESPD response made elsewhere (the EU's ESPD service, another national platform, or an
// earlier bid here) into the platform's answers: each response is matched to its question by the
// taxonomy's identifier, and the question's role says which part of the answer it gives.

const elements = (n: DomNode, local: string) =>
  Array.from(n.childNodes).filter((c) => c.nodeType === 1 && c.localName === local);
const first = (n: DomNode | undefined, ...path: string[]): DomNode | undefined =>
  path.reduce<DomNode | undefined>((at, local) => (at ? elements(at, local)[0] : undefined), n);
const textOf = (n: DomNode | undefined, ...path: string[]) => first(n, ...path)?.textContent?.trim() ?? '';

export class EspdReadError extends Error {}

/** The answers an ESPD response gives, by criterion code, and the questions it answers that the taxonomy does not know. */
export function readEspdResponse(
  tax: EspdTaxonomy,
  xml: string,
): { answers: EspdAnswers; unknown: string[] } {
  let root: DomNode;
  try {
    root = create(xml).root().node as unknown as DomNode;
  } catch (err) {
    throw new EspdReadError(`The ESPD response is not well-formed XML: ${(err as Error).message}`);
  }
  if (root.localName !== 'QualificationApplicationResponse')
    throw new EspdReadError(`An ESPD response is a QualificationApplicationResponse, not ${root.localName}.`);
  const evidence = new Map(
    elements(root, 'Evidence').map((e) => [
      textOf(e, 'ID'),
      textOf(e, 'DocumentReference', 'Attachment', 'ExternalReference', 'URI'),
    ]),
  );
  const answers: Record<string, Partial<EspdAnswer>> = {};
  const unknown: string[] = [];
  for (const r of elements(root, 'TenderingCriterionResponse')) {
    const propertyId = textOf(r, 'ValidatedCriterionPropertyID');
    const known = tax.properties.get(propertyId);
    if (!known) {
      unknown.push(propertyId);
      continue;
    }
    const { criterion } = known;
    const roles = criterion.roles;
    answers[criterion.code] ??= {};
    const a = answers[criterion.code] as Partial<EspdAnswer>;
    const indicator = textOf(r, 'ResponseValue', 'ResponseIndicator') === 'true';
    if (propertyId === roles.answer) a.answer = indicator;
    else if (propertyId === roles.amount) {
      const amount = Number(textOf(r, 'ResponseValue', 'ResponseAmount'));
      if (Number.isFinite(amount) && amount >= 0) a.amountCents = Math.round(amount * 100);
    } else if (propertyId === roles.description)
      a.description = textOf(r, 'ResponseValue', 'Description') || undefined;
    else if (propertyId === roles.selfCleaningText)
      a.selfCleaning = textOf(r, 'ResponseValue', 'Description') || undefined;
    else if (known.property.dataType === 'DATE' && criterion.kind === 'exclusion')
      a.date = textOf(r, 'ResponseValue', 'ResponseDate').slice(0, 10) || undefined;
    else if (known.property.dataType === 'PERIOD' && criterion.kind === 'exclusion') {
      a.date ??= textOf(r, 'ApplicablePeriod', 'StartDate').slice(0, 10) || undefined;
      a.until = textOf(r, 'ApplicablePeriod', 'EndDate').slice(0, 10) || undefined;
    } else if (propertyId === roles.evidence) {
      const url = evidence.get(textOf(r, 'EvidenceSupplied', 'ID'));
      if (url && /^https?:\/\//.test(url)) a.evidenceUrl = url;
    }
  }
  const complete: EspdAnswers = {};
  for (const [code, a] of Object.entries(answers)) {
    if (a.answer === undefined) continue;
    complete[code] = Object.fromEntries(
      Object.entries(a).filter(([, v]) => v !== undefined && v !== ''),
    ) as unknown as EspdAnswer;
    // The platform keeps the vendor's words within its own limits.
    for (const k of ['description', 'selfCleaning'] as const) {
      const v = complete[code]?.[k];
      if (v && v.length > 5000 && complete[code]) complete[code][k] = v.slice(0, 5000);
    }
  }
  return { answers: complete, unknown };
}
