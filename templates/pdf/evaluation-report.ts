import { BODY, BOLD, facts, formatting, heading, tableStyle } from './format.js';

export interface ReportBid {
  vendor: string;
  priceCents: number;
  receivedAt: string;
  checks: { exclusion: string; selection: string; reason: string | null } | null;
  /** What the bid's ESPD declared against the request (absent in reports of tenders without one). */
  espd?: string[];
  scores: { evaluator: string; criterion: string; score: number }[];
  means: { criterion: string; mean: number | null }[];
  quality: number | null;
  price: number | null;
  total: number | null;
  rank: number | null;
  flags: string[];
  reasons: string[];
}

export interface ReportData {
  reference: string;
  title: string;
  date: string;
  criteria: { key: string; title: string; weight: number; maxScore: number; threshold: number }[];
  method: { qualityWeight: number; priceWeight: number; qualityThreshold: number };
  committee: { name: string; declaration: string }[];
  opening: { at: string | null; bidsPerLot: { lot: number; count: number }[]; mismatches: number };
  lots: {
    number: number;
    title: string;
    bids: ReportBid[];
    award: {
      vendor: string;
      decidedAt: string;
      standstillEndsAt: string;
      lowPriceExplanation: string | null;
      total: number;
    } | null;
  }[];
}

const bold = (text: string) => ({ text, font: { src: BOLD } });

/** Lays out the evaluation report: committee, opening, checks, every score, the ranking and the awards. */
export function drawEvaluationReport(doc: PDFKit.PDFDocument, data: ReportData): void {
  const f = formatting('en');
  doc.font(BOLD).fontSize(16).fillColor('#003399').text('Evaluation report', { align: 'center' });
  doc
    .font(BODY)
    .fontSize(11)
    .fillColor('#000000')
    .text(`${data.reference} — ${data.title}`, { align: 'center' })
    .moveDown(0.8);
  facts(doc, [
    ['Date', f.dateTime(data.date)],
    [
      'Award method',
      `Total = ${data.method.qualityWeight} × Q + ${data.method.priceWeight} × P; quality threshold ${f.number(data.method.qualityThreshold * 100)} points`,
    ],
    [
      'Criteria',
      data.criteria
        .map((c) => `${c.title}: weight ${c.weight}, max ${c.maxScore}, threshold ${c.threshold}`)
        .join('\n'),
    ],
  ]);

  heading(doc, 'Evaluation committee and declarations of interest');
  doc.fontSize(9).table({
    ...tableStyle,
    columnStyles: ['*', 200],
    data: [[bold('Evaluator'), bold('Declaration')], ...data.committee.map((m) => [m.name, m.declaration])],
  });
  doc.font(BODY).fontSize(10);

  heading(doc, 'Opening of the bids');
  facts(doc, [
    ['Opened at', data.opening.at ? f.dateTime(data.opening.at) : 'not opened'],
    ['Bids per lot', data.opening.bidsPerLot.map((l) => `Lot ${l.lot}: ${l.count}`).join(', ')],
    ['Receipt mismatches', String(data.opening.mismatches)],
  ]);

  for (const lot of data.lots) {
    heading(doc, `Lot ${lot.number} — ${lot.title}`, 13);
    doc.font(BOLD).text('Exclusion and selection checks').font(BODY).moveDown(0.3);
    doc.fontSize(9).table({
      ...tableStyle,
      columnStyles: [120, 92, 62, 62, '*'],
      data: [
        [bold('Vendor'), bold('Price'), bold('Exclusion'), bold('Selection'), bold('Reason')],
        ...lot.bids.map((b) => [
          b.vendor,
          f.money(b.priceCents),
          b.checks?.exclusion ?? '—',
          b.checks?.selection ?? '—',
          [b.checks?.reason ?? '', ...(b.espd ?? []).map((e) => `ESPD: ${e}`)].filter(Boolean).join('\n'),
        ]),
      ],
    });
    doc.font(BODY).fontSize(10).moveDown(0.6);
    doc.font(BOLD).text('Scores by evaluator').font(BODY).moveDown(0.3);
    const scoreRows = lot.bids.flatMap((b) =>
      data.criteria.map((c) => [
        b.vendor,
        c.title,
        b.scores
          .filter((s) => s.criterion === c.key)
          .map((s) => `${s.evaluator}: ${s.score}`)
          .join('; ') || '—',
        f.number(b.means.find((m) => m.criterion === c.key)?.mean ?? null),
      ]),
    );
    doc.fontSize(9).table({
      ...tableStyle,
      columnStyles: [120, 110, '*', 50],
      data: [[bold('Vendor'), bold('Criterion'), bold('Scores'), bold('Mean')], ...scoreRows],
    });
    doc.font(BODY).fontSize(10).moveDown(0.6);
    doc.font(BOLD).text('Ranking').font(BODY).moveDown(0.3);
    doc.fontSize(9).table({
      ...tableStyle,
      columnStyles: [40, 110, 45, 45, 45, '*'],
      data: [
        [bold('Rank'), bold('Vendor'), bold('Q'), bold('P'), bold('Total'), bold('Flags and reasons')],
        ...lot.bids.map((b) => [
          b.rank === null ? '—' : String(b.rank),
          b.vendor,
          f.number(b.quality),
          f.number(b.price),
          f.number(b.total),
          [b.flags.join(', '), ...b.reasons].filter(Boolean).join(' — '),
        ]),
      ],
    });
    doc.font(BODY).fontSize(10).moveDown(0.6);
    doc.font(BOLD).text('Award decision').font(BODY).moveDown(0.3);
    if (lot.award) {
      facts(doc, [
        ['Awarded to', `${lot.award.vendor} (total ${f.number(lot.award.total)})`],
        ['Decided at', f.dateTime(lot.award.decidedAt)],
        ['Standstill ends', f.dateTime(lot.award.standstillEndsAt)],
        ['Low-price explanation', lot.award.lowPriceExplanation ?? '—'],
      ]);
    } else {
      doc.text('Not awarded yet.').moveDown(0.5);
    }
  }
}
