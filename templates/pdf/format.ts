import { BODY, BOLD } from '../../server/documents/pdf.js';
import { localeFormats } from '../../server/locale-format.js';

export { BODY, BOLD };

/** Number and date formatting for PDFs, in the document's language. */
export function formatting(locale: string) {
  const f = localeFormats(locale);
  return {
    money: (cents: number) => f.money.format(cents / 100),
    percent: (fraction: number) => f.percentTwoDecimals.format(fraction),
    number: (n: number | null) => (n === null ? '—' : f.twoDecimals.format(n)),
    date: (d: Date | string) => f.day.format(new Date(d)),
    dateTime: (d: Date | string) => `${f.dateTime.format(new Date(d))} UTC`,
  };
}

/** A section heading with some space above it. */
export function heading(doc: PDFKit.PDFDocument, text: string, size = 12): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font(BOLD).fontSize(size).fillColor('#003399').text(text).moveDown(0.3);
  doc.font(BODY).fontSize(10).fillColor('#000000');
}

/** Label–value lines. */
export function facts(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  const x = doc.page.margins.left;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font(BOLD).text(label, x, y, { width: 150 });
    const afterLabel = doc.y;
    doc.font(BODY).text(value, x + 160, y, { width: doc.page.width - doc.page.margins.right - x - 160 });
    doc.y = Math.max(afterLabel, doc.y);
    doc.x = x;
  }
  doc.moveDown(0.3);
}

/** The table style used in every document: light grid, bold header row. */
export const tableStyle = {
  defaultStyle: { border: 0.5, borderColor: '#999999', padding: 4 },
  rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#e8edf7' } : undefined),
};
