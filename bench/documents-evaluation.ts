/**
 * Two pieces of work measured against their bare floor, rounds alternating: the contract PDF as the
 * platform lays it out (tables, embedded fonts, footer with the data's SHA-256) against bare PDFKit
 * writing the same text with the same fonts; and the evaluation of a lot of 1 000 bids × 10
 * criteria × 5 evaluators (`computeTenderEvaluation`) against a raw find of the bids, the same
 * ranking and one raw write. `npm run bench`.
 */
import mongoose, { Types } from 'mongoose';
import PDFDocument from 'pdfkit';
import { renderContractPdf } from '../server/contracts/contract-document.js';
import { FONTS } from '../server/documents/pdf.js';
import { computeTenderEvaluation } from '../server/evaluation/evaluation.service.js';
import { computeLotRanking } from '../server/evaluation/ranking.js';
import type { ContractData } from '../templates/pdf/contract.js';
import { openedTender, seedEvaluators } from './seed.js';
import { benchPlatform, row, spread } from './support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PDFS = Number(process.env.BENCH_PDFS ?? 40);
const BIDS = Number(process.env.BENCH_EVALUATION_BIDS ?? 1000);

const contract: ContractData = {
  number: 'ECCC-JP-2026-001-L1',
  date: '2026-12-01T12:00:00.000Z',
  language: 'en',
  authority: { name: 'European Cybersecurity Competence Centre', country: 'RO' },
  members: [
    'Nationaal Cyber Security Centrum',
    'Agence nationale de la sécurité',
    'Bundesamt für Sicherheit',
    'Państwowy Instytut Badawczy',
  ].map((name, i) => ({ name, country: ['NL', 'FR', 'DE', 'PL'][i] as string, cents: 12_345_678 + i })),
  vendor: { name: 'Détection Sûre SA', country: 'BE' },
  tender: {
    reference: 'ECCC-JP-2026-001',
    title: 'SIEM and EDR for the cross-border SOC',
    cpvCodes: ['48730000', '72212730'],
  },
  lot: { number: 1, title: 'SIEM' },
  valueCents: 98_765_432,
  euCents: 49_382_716,
  cofundingRate: 0.5,
  durationYears: 4,
};

/** Bare PDFKit: the same fonts and the same words, one line after another, no layout. */
function barePdf(data: ContractData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('body', FONTS.body).registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('bold').fontSize(14).text(`Contract ${data.number}`);
  doc.font('body').fontSize(10);
  for (const line of [
    data.authority.name,
    ...data.members.map((m) => `${m.name} (${m.country}) ${m.cents}`),
    `${data.vendor.name} (${data.vendor.country})`,
    `${data.tender.reference} ${data.tender.title} ${data.tender.cpvCodes.join(', ')}`,
    `Lot ${data.lot.number} ${data.lot.title}`,
    `Value ${data.valueCents}, EU ${data.euCents}, rate ${data.cofundingRate}, ${data.durationYears} years`,
  ])
    doc.text(line);
  doc.end();
  return done;
}

async function perSecondOf(count: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await fn();
  return (count * 1000) / (performance.now() - start);
}

async function main(): Promise<void> {
  const platform = await benchPlatform('documents');
  try {
    const pdf = { ours: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      pdf.bare.push(await perSecondOf(PDFS, () => barePdf(contract)));
      pdf.ours.push(await perSecondOf(PDFS, () => renderContractPdf(contract, 'bench')));
    }

    const { users } = await seedEvaluators();
    const { tenderId } = await openedTender(BIDS, users, true);
    const bids = mongoose.connection.collection('bids');
    const tenders = mongoose.connection.collection('tenders');
    const tender = (await tenders.findOne({ _id: new Types.ObjectId(tenderId) })) as unknown as {
      award: Parameters<typeof computeLotRanking>[0];
    };
    /** The floor: one raw read of the lot's bids, the same ranking, one raw write. */
    const bareEvaluation = async () => {
      const all = await bids.find({ tenderId: new Types.ObjectId(tenderId), status: 'submitted' }).toArray();
      const results = computeLotRanking(
        tender.award,
        all.map((b) => ({
          id: String(b._id),
          priceCents: b.opened.priceCents as number,
          receivedAt: b.receivedAt as Date,
          checks: { exclusion: 'pass' as const, selection: 'pass' as const, reason: null },
          scores: b.scores,
        })),
      );
      await tenders.updateOne(
        { _id: new Types.ObjectId(tenderId) },
        { $set: { evaluation: { computedAt: new Date(), lots: [{ lot: 1, results }] } } },
      );
    };
    const evaluation = { ours: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      evaluation.bare.push(await perSecondOf(1, bareEvaluation));
      evaluation.ours.push(await perSecondOf(1, () => computeTenderEvaluation(tenderId)));
      console.error(`round ${round + 1} done`);
    }

    const ratios = (r: { ours: number[]; bare: number[] }) => r.ours.map((o, i) => o / (r.bare[i] as number));
    console.log(`\nDocuments and evaluation, ${ROUNDS} rounds (min / median / max)\n`);
    console.log(row(['figure', 'platform, per second', 'baseline, per second', 'ratio']));
    console.log(row(['---', '---', '---', '---']));
    console.log(
      row([
        'contract PDF (against bare PDFKit)',
        spread(pdf.ours, 1),
        spread(pdf.bare, 1),
        spread(ratios(pdf), 2),
      ]),
    );
    console.log(
      row([
        `evaluation of a lot, ${BIDS} bids × 10 criteria × 5 evaluators (against raw find + ranking + write)`,
        spread(evaluation.ours, 2),
        spread(evaluation.bare, 2),
        spread(ratios(evaluation), 2),
      ]),
    );
  } finally {
    await platform.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
