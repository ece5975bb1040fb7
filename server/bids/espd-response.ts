import type { Actor } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { AppError, badRequest } from '../errors.js';
import { criterionResponses, type EspdAnswers } from '../espd/espd-answers.js';
import { readEspdResponse } from '../espd/espd-import.js';
import { askedCriteria } from '../espd/espd-request.js';
import { criteriaForLot, espdResponseXml } from '../espd/espd-response.js';
import { espdSchemaProblems } from '../espd/espd-validation.js';
import { criterionName } from '../espd/taxonomy.js';
import { configuredTaxonomy, espdProcedure } from '../tenders/espd-request.js';
import { Tender, type TenderRecord } from '../tenders/tender.model.js';
import { loadTender } from '../tenders/tender-access.js';
import type { FieldError } from '../validation.js';
import { openedBidFor, ownBid } from './bid-reading.js';
import { espdFlags } from './espd-flags.js';

// A vendor's ESPD response is part of its bid: checked against the tender's request when the bid
// is submitted, sealed with it and covered by its receipt, and readable only once the bid is open.
// At the evaluation it flags what the vendor declared against the request.

export interface EspdInput {
  size?: 'micro' | 'small' | 'medium' | 'large';
  answers: EspdAnswers;
}

/** What a bid declares, from its ESPD where the tender asks one, else as the vendor ticked it. */
export async function bidDeclarations(
  t: TenderRecord,
  input: {
    lot: number;
    espd?: EspdInput;
    declarations?: { noExclusionGrounds: boolean; meetsSelectionCriteria: boolean };
  },
  vendorId: string,
) {
  const tax = configuredTaxonomy();
  if (!t.espd || !tax) {
    if (input.espd)
      throw badRequest('The tender asks no ESPD.', [
        { path: '/espd', message: 'is not asked by this tender' },
      ]);
    if (!input.declarations)
      throw badRequest('The bid lacks its declarations.', [
        { path: '/declarations', message: 'is required' },
      ]);
    return { declarations: input.declarations };
  }
  if (!input.espd)
    throw badRequest('The tender asks an ESPD response.', [
      { path: '/espd', message: 'is required by this tender' },
    ]);
  const vendor = await Organisation.findById(vendorId, { size: 1, country: 1 }).lean();
  const errors: FieldError[] = [];
  const asked = criteriaForLot(
    tax,
    t.espd,
    t.lots.map((l) => l.number),
    input.lot,
  );
  const codes = new Set(asked.map((a) => a.criterion.code));
  for (const code of Object.keys(input.espd.answers))
    if (!codes.has(code))
      errors.push({ path: `/espd/answers/${code}`, message: 'is not asked for this lot' });
  for (const a of asked) {
    const answer = input.espd.answers[a.criterion.code];
    const at = `/espd/answers/${a.criterion.code}`;
    if (!answer) {
      errors.push({ path: at, message: `is required: ${criterionName(a.criterion, 'en')}` });
      continue;
    }
    for (const field of criterionResponses(a.criterion, answer, vendor?.country ?? 'BE').missing)
      errors.push({ path: `${at}/${field}`, message: 'is required by this answer' });
    if (
      a.criterion.kind === 'selection' &&
      answer.answer &&
      a.spec?.minimumCents &&
      answer.amountCents === undefined
    )
      errors.push({ path: `${at}/amountCents`, message: 'is required: the criterion sets a minimum amount' });
  }
  if (!input.espd.size && !vendor?.size)
    errors.push({ path: '/espd/size', message: 'is required: the organisation has no size on record' });
  if (errors.length) throw badRequest('The ESPD response does not answer the request.', errors);
  const byKind = (kind: string) =>
    asked.filter((a) => a.criterion.kind === kind).map((a) => input.espd?.answers[a.criterion.code]);
  return {
    declarations: input.declarations ?? {
      noExclusionGrounds: !byKind('exclusion').some((a) => a?.answer),
      meetsSelectionCriteria: byKind('selection').every((a) => a?.answer),
    },
    espd: { size: input.espd.size ?? (vendor?.size as EspdInput['size']), answers: input.espd.answers },
  };
}

/** The bid as its reader may see it, with its ESPD response (once open) and what the evaluation must look at in it. */
async function openedWithTender(actor: Actor, bidId: string) {
  const b =
    actor.role === 'vendor' ? await ownBid(actor, bidId) : await openedBidFor(actor, bidId, 'bid.espd-read');
  const t = (await Tender.findById(b.tenderId).lean<TenderRecord>()) as TenderRecord;
  if (!b.opened) throw new AppError('sealed', 'Bids are sealed until they are opened.', 409);
  return { b, t };
}

/** `GET /bids/:id/espd-response`: the answers and their flags. */
export async function espdResponseView(actor: Actor, bidId: string, language: string) {
  const { b, t } = await openedWithTender(actor, bidId);
  const view = espdFlags(t, b, language);
  if (!view) throw new AppError('not-found', 'The bid carries no ESPD response.', 404);
  return { bidId, lot: b.lot, ...view };
}

/** `GET /bids/:id/espd-response.xml`: the response as the EU's XML. */
export async function espdResponseDocument(actor: Actor, bidId: string, language: string) {
  const { b, t } = await openedWithTender(actor, bidId);
  const espd = (b.opened as { espd?: EspdInput }).espd;
  const tax = configuredTaxonomy();
  if (!t.espd || !tax || !espd) throw new AppError('not-found', 'The bid carries no ESPD response.', 404);
  const v = await Organisation.findById(b.vendorId).lean();
  return espdResponseXml(
    tax,
    t.espd,
    await espdProcedure(t),
    {
      id: String(b._id),
      lot: b.lot,
      receivedAt: new Date(b.receivedAt),
      vendor: {
        id: String(b.vendorId),
        name: v?.name ?? String(b.vendorId),
        country: v?.country ?? 'BE',
        size: espd.size ?? v?.size ?? 'sme',
        registrationNumber: v?.registrationNumber,
        email: v?.email,
        city: v?.city,
        postalCode: v?.postalCode,
        website: v?.website,
      },
      answers: espd.answers,
    },
    language,
  );
}

/** Reads an ESPD response made elsewhere into answers to this tender's request, for the vendor to review and submit. */
export async function importEspdResponse(actor: Actor, tenderId: string, xml: unknown) {
  return readResponseFor(await loadTender(actor, tenderId), xml);
}

/** An ESPD response's answers to the tender's request (400 when it is no valid response). */
export async function readResponseFor(t: TenderRecord, xml: unknown, at = '/') {
  const tax = configuredTaxonomy();
  if (!t.espd || !tax) throw new AppError('not-found', 'The tender asks no ESPD.', 404);
  if (typeof xml !== 'string' || !xml.trim())
    throw badRequest('Send the ESPD response as application/xml.', [{ path: at, message: 'is empty' }]);
  const problems = await espdSchemaProblems(tax.folder, 'response', xml);
  if (problems.length)
    throw badRequest(
      'The document is no valid ESPD response (ESPD-EDM 4.1.0).',
      problems.slice(0, 20).map((p) => ({ path: at, message: p.message })),
    );
  const { answers, unknown } = readEspdResponse(tax, xml);
  const asked = new Set(
    askedCriteria(
      tax,
      t.espd,
      t.lots.map((l) => l.number),
    ).map((a) => a.criterion.code),
  );
  return {
    answers: Object.fromEntries(Object.entries(answers).filter(([code]) => asked.has(code))),
    notAsked: Object.keys(answers).filter((code) => !asked.has(code)),
    unanswered: [...asked].filter((code) => !answers[code]),
    unknownQuestions: unknown,
  };
}
