import { BODY, BOLD, facts, formatting, heading, tableStyle } from './format.js';

/** Everything a contract shows; its SHA-256 is printed in the footer. */
export interface ContractData {
  number: string;
  date: string;
  language: string;
  authority: { name: string; country: string };
  members: { name: string; country: string; cents: number }[];
  vendor: { name: string; country: string };
  tender: { reference: string; title: string; cpvCodes: string[] };
  lot: { number: number; title: string };
  valueCents: number;
  euCents: number;
  cofundingRate: number;
  durationYears: number;
}

const strings = {
  en: {
    title: 'Contract for the supply of cyber-threat detection tools',
    number: 'Contract number',
    date: 'Date',
    parties: 'The parties',
    authority: 'Contracting authority',
    buyers: 'Joint buyers (hosting consortium)',
    vendor: 'Contractor',
    subject: 'Subject of the contract',
    tender: 'Tender',
    lot: 'Lot',
    cpv: 'CPV codes',
    value: 'Contract value (excluding VAT)',
    duration: 'Duration',
    years: (n: number) => `${n} year${n === 1 ? '' : 's'} from signature`,
    sharing: 'Cost sharing',
    sharingIntro: (rate: string) =>
      `The EU contribution is the co-funding rate (${rate}) of the contract value, rounded down to the cent and capped by what is left of the grant; the consortium members pay the rest in proportion to their contributions.`,
    payer: 'Payer',
    amount: 'Amount',
    share: 'Share',
    eu: 'European Union (Digital Europe Programme)',
    total: 'Total',
    obligations: 'Main obligations',
    clauses: [
      'The Contractor supplies, installs and configures the detection tools of the lot at the hosting sites designated by the joint buyers, and integrates them with the cross-border SOC platform.',
      'The Contractor provides maintenance, updates of detection content and support around the clock for the duration of the contract, with incident response times as set out in its technical offer.',
      'The Contractor processes personal data only on documented instructions of the joint buyers, within the European Union, and in line with Regulation (EU) 2016/679.',
      'The Contractor notifies the joint buyers without undue delay of any vulnerability or security incident affecting the supplied tools.',
      'Invoices are addressed to the Contracting authority for the EU contribution and to each member for its share; payment is due within 30 days of an accepted invoice.',
      'The tender documents, the clarifications published during the procedure and the Contractor’s offer form part of this contract; in case of conflict, this contract prevails.',
    ],
    signatures: 'Signatures',
    signedFor: 'For',
    nameAndDate: 'Name, function and date',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
  },
  nl: {
    title: 'Overeenkomst voor de levering van instrumenten voor de detectie van cyberdreigingen',
    number: 'Nummer van de overeenkomst',
    date: 'Datum',
    parties: 'De partijen',
    authority: 'Aanbestedende dienst',
    buyers: 'Gezamenlijke kopers (hostingconsortium)',
    vendor: 'Opdrachtnemer',
    subject: 'Voorwerp van de overeenkomst',
    tender: 'Aanbesteding',
    lot: 'Perceel',
    cpv: 'CPV-codes',
    value: 'Waarde van de overeenkomst (exclusief btw)',
    duration: 'Looptijd',
    years: (n: number) => `${n} jaar vanaf de ondertekening`,
    sharing: 'Kostenverdeling',
    sharingIntro: (rate: string) =>
      `De EU-bijdrage is het cofinancieringspercentage (${rate}) van de waarde van de overeenkomst, naar beneden afgerond op de cent en begrensd door wat van de subsidie resteert; de leden van het consortium betalen de rest naar verhouding van hun bijdragen.`,
    payer: 'Betaler',
    amount: 'Bedrag',
    share: 'Aandeel',
    eu: 'Europese Unie (programma Digitaal Europa)',
    total: 'Totaal',
    obligations: 'Belangrijkste verplichtingen',
    clauses: [
      'De opdrachtnemer levert, installeert en configureert de detectie-instrumenten van het perceel op de door de gezamenlijke kopers aangewezen hostinglocaties en integreert ze met het grensoverschrijdende SOC-platform.',
      'De opdrachtnemer verzorgt gedurende de looptijd onderhoud, updates van de detectie-inhoud en ondersteuning, dag en nacht, met de reactietijden uit zijn technische inschrijving.',
      'De opdrachtnemer verwerkt persoonsgegevens uitsluitend op gedocumenteerde instructies van de gezamenlijke kopers, binnen de Europese Unie en overeenkomstig Verordening (EU) 2016/679.',
      'De opdrachtnemer meldt de gezamenlijke kopers zonder onnodige vertraging elke kwetsbaarheid of elk beveiligingsincident dat de geleverde instrumenten treft.',
      'Facturen worden gericht aan de aanbestedende dienst voor de EU-bijdrage en aan elk lid voor zijn aandeel; betaling geschiedt binnen 30 dagen na een aanvaarde factuur.',
      'De aanbestedingsstukken, de tijdens de procedure gepubliceerde verduidelijkingen en de inschrijving van de opdrachtnemer maken deel uit van deze overeenkomst; bij strijdigheid gaat deze overeenkomst voor.',
    ],
    signatures: 'Handtekeningen',
    signedFor: 'Voor',
    nameAndDate: 'Naam, functie en datum',
    page: (p: number, n: number) => `Pagina ${p} van ${n}`,
  },
};

export const contractStrings = (locale: string) => (locale === 'nl' ? strings.nl : strings.en);

/** Lays out a contract: parties, subject, value, the cost-sharing table, obligations and signature blocks. */
export function drawContract(doc: PDFKit.PDFDocument, data: ContractData): void {
  const t = contractStrings(data.language);
  const f = formatting(data.language);
  doc.font(BOLD).fontSize(16).fillColor('#003399').text(t.title, { align: 'center' });
  doc.moveDown(0.5).font(BODY).fontSize(10).fillColor('#000000');
  facts(doc, [
    [t.number, data.number],
    [t.date, f.date(data.date)],
  ]);

  heading(doc, t.parties);
  facts(doc, [
    [t.authority, `${data.authority.name} (${data.authority.country})`],
    [t.buyers, data.members.map((m) => `${m.name} (${m.country})`).join('\n')],
    [t.vendor, `${data.vendor.name} (${data.vendor.country})`],
  ]);

  heading(doc, t.subject);
  facts(doc, [
    [t.tender, `${data.tender.reference} — ${data.tender.title}`],
    [t.lot, `${data.lot.number} — ${data.lot.title}`],
    [t.cpv, data.tender.cpvCodes.join(', ')],
    [t.value, f.money(data.valueCents)],
    [t.duration, t.years(data.durationYears)],
  ]);

  heading(doc, t.sharing);
  doc.text(t.sharingIntro(f.percent(data.cofundingRate))).moveDown(0.5);
  const right = { align: { x: 'right' as const, y: 'top' as const } };
  doc.table({
    ...tableStyle,
    columnStyles: ['*', 110, 70],
    data: [
      [
        { text: t.payer, font: { src: BOLD } },
        { text: t.amount, font: { src: BOLD }, ...right },
        { text: t.share, font: { src: BOLD }, ...right },
      ],
      [
        t.eu,
        { text: f.money(data.euCents), ...right },
        { text: f.percent(data.euCents / data.valueCents), ...right },
      ],
      ...data.members.map((m) => [
        `${m.name} (${m.country})`,
        { text: f.money(m.cents), ...right },
        { text: f.percent(m.cents / data.valueCents), ...right },
      ]),
      [
        { text: t.total, font: { src: BOLD } },
        {
          text: f.money(data.euCents + data.members.reduce((s, m) => s + m.cents, 0)),
          font: { src: BOLD },
          ...right,
        },
        { text: f.percent(1), font: { src: BOLD }, ...right },
      ],
    ],
  });
  doc.font(BODY).fontSize(10);

  heading(doc, t.obligations);
  numberedClauses(doc, t.clauses);

  heading(doc, t.signatures);
  const parties = [data.authority.name, ...data.members.map((m) => m.name), data.vendor.name];
  for (const party of parties) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 70) doc.addPage();
    const x = doc.page.margins.left;
    doc.font(BOLD).text(`${t.signedFor} ${party}`, x);
    doc.moveDown(1.6);
    const y = doc.y;
    doc
      .moveTo(x, y)
      .lineTo(x + 260, y)
      .lineWidth(0.5)
      .strokeColor('#000000')
      .stroke();
    doc
      .font(BODY)
      .fontSize(8)
      .fillColor('#555555')
      .text(t.nameAndDate, x, y + 3);
    doc.fontSize(10).fillColor('#000000').moveDown(1);
  }
}

function numberedClauses(doc: PDFKit.PDFDocument, clauses: string[]): void {
  clauses.forEach((clause, i) => {
    doc.text(`${i + 1}. ${clause}`, { align: 'justify' }).moveDown(0.4);
  });
}
