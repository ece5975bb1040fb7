import { BODY, BOLD, formatting } from './format.js';

export interface LetterData {
  language: string;
  from: string;
  to: string;
  date: string;
  subject: string;
  body: string;
}

/** A one-page letter: letterhead, date, addressee, subject and the notice's text. */
export function drawLetter(doc: PDFKit.PDFDocument, data: LetterData): void {
  const f = formatting(data.language);
  doc.font(BOLD).fontSize(13).fillColor('#003399').text(data.from);
  doc.font(BODY).fontSize(9).fillColor('#555555').text('Joint procurement of SOC tooling').moveDown(2);
  doc.fontSize(10).fillColor('#000000').text(data.to).moveDown(1);
  doc.text(f.date(data.date), { align: 'right' }).moveDown(1);
  doc.font(BOLD).fontSize(11).text(data.subject).moveDown(0.8);
  doc.font(BODY).fontSize(10);
  for (const paragraph of data.body.split(/\n\s*\n/))
    doc.text(paragraph.trim(), { align: 'left' }).moveDown(0.6);
}
