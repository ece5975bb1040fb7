import { trusted } from 'mongoose';
import { drawEvaluationReport, type ReportData } from '../../templates/pdf/evaluation-report.js';
import { type Actor, isOfficer } from '../accounts/access.js';
import { Organisation } from '../accounts/organisation.model.js';
import { User } from '../accounts/user.model.js';
import { recordAudit } from '../audit/audit.service.js';
import { Bid, type BidRecord } from '../bids/bid.model.js';
import { espdFlags, espdFlagText } from '../bids/espd-flags.js';
import { requireCleanEvaluator } from '../committee/committee.js';
import { priceHidden, priceHiddenFrom } from '../committee/envelopes.js';
import { dataDigest, sha256 } from '../digest.js';
import { renderPdf } from '../documents/pdf.js';
import { conflict } from '../errors.js';
import { loadTender } from '../tenders/tender-access.js';

/** The evaluation report of a tender, for officers and evaluators with a clean declaration. */
export async function evaluationReport(
  actor: Actor,
  tenderId: string,
): Promise<{ filename: string; sha256: string; bytes: Buffer }> {
  const t = await loadTender(actor, tenderId);
  if (!isOfficer(actor)) requireCleanEvaluator(t.evaluators, actor);
  if (!t.opening) throw conflict('sealed', 'The bids are not opened yet; there is nothing to report.');
  // The report shows prices: an evaluator reads it once prices are theirs to see.
  if (priceHiddenFrom(t, actor)) throw priceHidden(t);
  const bids = await Bid.find({ tenderId: t._id, status: 'submitted' })
    .sort({ receivedAt: 1 })
    .lean<BidRecord[]>();
  const [orgs, users] = await Promise.all([
    Organisation.find({ _id: trusted({ $in: bids.map((b) => b.vendorId) }) }, { name: 1 }).lean(),
    User.find({ _id: trusted({ $in: t.evaluators.map((e) => e.userId) }) }, { name: 1 }).lean(),
  ]);
  const vendor = new Map(orgs.map((o) => [String(o._id), o.name]));
  const person = new Map(users.map((u) => [String(u._id), u.name]));
  const data: ReportData = {
    reference: t.reference,
    title: t.title,
    date: new Date(t.awards.at(-1)?.decidedAt ?? t.evaluation?.computedAt ?? t.opening.at).toISOString(),
    criteria: t.award.criteria,
    method: {
      qualityWeight: t.award.qualityWeight,
      priceWeight: t.award.priceWeight,
      qualityThreshold: t.award.qualityThreshold,
    },
    committee: t.evaluators.map((e) => ({
      name: person.get(String(e.userId)) ?? String(e.userId),
      declaration: !e.declaredAt
        ? 'not declared'
        : e.conflict
          ? `conflict declared${e.note ? `: ${e.note}` : ''}`
          : 'no conflict',
    })),
    opening: {
      at: new Date(t.opening.at).toISOString(),
      bidsPerLot: t.opening.bids,
      mismatches: t.opening.mismatches.length,
    },
    lots: t.lots.map((lot) => {
      const results = t.evaluation?.lots.find((l) => l.lot === lot.number)?.results ?? [];
      const award = t.awards.find((a) => a.lot === lot.number);
      // Scoring of a lot closes at its award; until then an evaluator sees only their own scores.
      const shownScores = (scores: BidRecord['scores']) =>
        award || isOfficer(actor) ? scores : scores.filter((s) => s.evaluatorId === actor.id);
      return {
        number: lot.number,
        title: lot.title,
        bids: bids
          .filter((b) => b.lot === lot.number)
          .map((b) => {
            const r = results.find((x) => x.bidId === String(b._id));
            return {
              vendor: vendor.get(String(b.vendorId)) ?? '',
              priceCents: b.opened?.priceCents ?? 0,
              receivedAt: new Date(b.receivedAt).toISOString(),
              checks: b.checks
                ? { exclusion: b.checks.exclusion, selection: b.checks.selection, reason: b.checks.reason }
                : null,
              // What the bid's own ESPD declared against the request, by the criterion's name.
              espd: (espdFlags(t, b, 'en')?.flags ?? []).map(espdFlagText),
              scores: shownScores(b.scores).map((s) => ({
                evaluator: person.get(s.evaluatorId) ?? s.evaluatorId,
                criterion: s.criterion,
                score: s.score,
              })),
              means: (r?.criterionScores ?? []).map((c) => ({ criterion: c.key, mean: c.mean })),
              quality: r?.quality ?? null,
              price: r?.price ?? null,
              total: r?.total ?? null,
              rank: r?.rank ?? null,
              flags: r
                ? Object.entries(r.flags)
                    .filter(([, on]) => on)
                    .map(([flag]) =>
                      flag
                        .replace('abnormallyLow', 'abnormally low')
                        .replace('belowThreshold', 'below threshold'),
                    )
                : [],
              reasons: r?.reasons ?? [],
            };
          })
          .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
        award: award
          ? {
              vendor: vendor.get(award.vendorId) ?? award.vendorId,
              decidedAt: new Date(award.decidedAt).toISOString(),
              standstillEndsAt: new Date(award.standstillEndsAt).toISOString(),
              lowPriceExplanation: award.lowPriceExplanation,
              total: award.total,
            }
          : null,
      };
    }),
  };
  const dataSha256 = dataDigest(data);
  const bytes = await renderPdf(
    {
      title: `Evaluation report ${t.reference}`,
      author: 'Joint procurement platform',
      documentId: `evaluation report ${t.reference}`,
      date: new Date(data.date),
      language: 'en',
      dataSha256,
      pageLabel: (p, n) => `Page ${p} of ${n}`,
    },
    (doc) => drawEvaluationReport(doc, data),
  );
  await recordAudit({ actor, action: 'tender.report-read', object: { type: 'tender', id: tenderId } });
  return { filename: `evaluation-report-${t.reference}.pdf`, sha256: sha256(bytes), bytes };
}
