import type { Request } from 'express';
import { contractingAuthority } from '../accounts/accounts.service.js';
import { context } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { type EspdProcedure, lotId } from '../espd/espd-document.js';
import {
  askedCriteria,
  type EspdRequestSpec,
  espdRequestXml,
  isOfferedSelection,
  requiredFields,
} from '../espd/espd-request.js';
import { answerFields, espdSection } from '../espd/sections.js';
import { criterionName, type EspdTaxonomy, espdTaxonomy, MANDATORY_GROUNDS } from '../espd/taxonomy.js';
import type { FieldError } from '../validation.js';
import type { TenderRecord } from './tender.model.js';

// The tender's ESPD request: part of its content (the consortium's resolution binds it), checked
// against the ESPD-EDM taxonomy when drafted or amended, and published with the tender as JSON and
// as the EU's XML, its criteria named in the reader's language.

/** The configured taxonomy, or undefined when the platform has no ESPD-EDM folder. */
export function configuredTaxonomy(): EspdTaxonomy | undefined {
  const espd = context().config.espd;
  return espd ? espdTaxonomy(espd.folder) : undefined;
}

/** Every way a request breaks the taxonomy: unknown codes, a criterion of the wrong kind, a missing requirement, a lot the tender lacks. */
export function espdRequestErrors(
  spec: EspdRequestSpec,
  lots: number[] | undefined,
  prefix = '',
): FieldError[] {
  const tax = configuredTaxonomy();
  if (!tax)
    return [
      { path: `${prefix}/espd`, message: 'cannot be asked: the platform has no ESPD-EDM folder (ESPD_EDM)' },
    ];
  const errors: FieldError[] = [];
  spec.exclusionGrounds.forEach((code, i) => {
    const c = tax.byCode.get(code);
    if (c?.kind !== 'exclusion')
      errors.push({
        path: `${prefix}/espd/exclusionGrounds/${i}`,
        message: `${code} is no exclusion ground of the ESPD`,
      });
    else if ((MANDATORY_GROUNDS as readonly string[]).includes(code))
      errors.push({
        path: `${prefix}/espd/exclusionGrounds/${i}`,
        message: `${code} is mandatory and always asked`,
      });
  });
  for (const [i, s] of spec.selectionCriteria.entries()) {
    const at = `${prefix}/espd/selectionCriteria/${i}`;
    const c = tax.byCode.get(s.code);
    if (c?.kind !== 'selection') {
      errors.push({ path: `${at}/code`, message: `${s.code} is no selection criterion of the ESPD` });
      continue;
    }
    if (!isOfferedSelection(c)) {
      errors.push({ path: `${at}/code`, message: `${s.code} needs requirements the platform cannot set` });
      continue;
    }
    for (const field of requiredFields(c))
      if (s[field] === undefined)
        errors.push({ path: `${at}/${field}`, message: `is required for ${s.code}` });
    for (const lot of s.lots ?? [])
      if (lots && !lots.includes(lot))
        errors.push({ path: `${at}/lots`, message: `lot ${lot} is not a lot of the tender` });
    const clash = spec.selectionCriteria.findIndex(
      (o, j) => j < i && o.code === s.code && (!o.lots || !s.lots || o.lots.some((l) => s.lots?.includes(l))),
    );
    if (clash >= 0) errors.push({ path: `${at}/lots`, message: `${s.code} is asked for the same lot twice` });
  }
  return errors;
}

/** The tender as the ESPD names it: its procedure, lots and buyer (the Centre). */
export async function espdProcedure(t: TenderRecord): Promise<EspdProcedure> {
  const centre = await contractingAuthority();
  if (!centre) throw conflict('no-centre', 'The contracting authority is not registered.');
  return {
    tenderId: String(t._id),
    reference: t.reference,
    title: t.title,
    description: t.description,
    issuedAt: new Date(t.publishedAt ?? t.createdAt),
    lots: t.lots.map((l) => l.number),
    buyer: {
      id: String(centre._id),
      name: centre.name,
      country: centre.country,
      registrationNumber: centre.registrationNumber,
    },
  };
}

/** The reader's language: `?lang=`, else the first the request accepts of the platform's. */
export const readerLanguage = (req: Request) =>
  req.query.lang === 'nl' || req.query.lang === 'en'
    ? req.query.lang
    : req.acceptsLanguages('en', 'nl') || 'en';

/** The tender's ESPD request as data: every criterion asked, named in the reader's language. */
export function espdRequestView(t: TenderRecord, language: string) {
  const tax = configuredTaxonomy();
  if (!t.espd || !tax) throw notFound('The ESPD request of this tender');
  const lots = t.lots.map((l) => l.number);
  return {
    tenderId: String(t._id),
    criteria: askedCriteria(tax, t.espd, lots).map((a) => ({
      code: a.criterion.code,
      kind: a.criterion.kind,
      section: espdSection(a.criterion),
      name: criterionName(a.criterion, language),
      description: a.criterion.description,
      answerFields: answerFields(a.criterion, a.spec?.minimumCents),
      mandatory: (MANDATORY_GROUNDS as readonly string[]).includes(a.criterion.code),
      lots: a.criterion.kind === 'selection' ? a.lots : lots,
      lotIds: (a.criterion.kind === 'selection' ? a.lots : lots).map(lotId),
      requirements: a.spec
        ? Object.fromEntries(
            (['minimumCents', 'years', 'minimumCount', 'description'] as const)
              .filter((k) => a.spec?.[k] !== undefined)
              .map((k) => [k, a.spec?.[k]]),
          )
        : {},
    })),
  };
}

/** The tender's ESPD request as the EU's XML. */
export async function espdRequestDocument(t: TenderRecord, language: string) {
  const tax = configuredTaxonomy();
  if (!t.espd || !tax) throw notFound('The ESPD request of this tender');
  return espdRequestXml(tax, t.espd, await espdProcedure(t), language);
}

/**
 * What an officer may ask, from the taxonomy: the discretionary grounds (the mandatory ones are
 * always asked) and the selection criteria the platform can set, each with the requirements it
 * needs, named in the reader's language; searchable by words of the name or the code.
 */
export function offeredCriteria(language: string, q?: string) {
  const tax = configuredTaxonomy();
  if (!tax) throw notFound('The ESPD taxonomy (the platform has no ESPD-EDM folder)');
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return {
    mandatoryGrounds: MANDATORY_GROUNDS.map((code) => {
      const c = tax.byCode.get(code);
      return { code, name: c ? criterionName(c, language) : code };
    }),
    items: tax.criteria
      .filter(
        (c) =>
          (c.kind === 'exclusion' && !(MANDATORY_GROUNDS as readonly string[]).includes(c.code)) ||
          isOfferedSelection(c),
      )
      .map((c) => ({
        code: c.code,
        kind: c.kind,
        section: espdSection(c),
        name: criterionName(c, language),
        description: c.description,
        requires: c.kind === 'selection' ? requiredFields(c) : [],
      }))
      .filter((c) => words.every((w) => `${c.code} ${c.name}`.toLowerCase().includes(w))),
  };
}
