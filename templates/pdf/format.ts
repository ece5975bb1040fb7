/** Number and date formatting for PDFs, in the document's language. */
export function formatting(locale: string) {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  return {
    money: (cents: number) =>
      new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' }).format(cents / 100),
    percent: (fraction: number) =>
      new Intl.NumberFormat(tag, {
        style: 'percent',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(fraction),
    number: (n: number | null) =>
      n === null
        ? '—'
        : new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
    date: (d: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d)),
    dateTime: (d: Date | string) =>
      `${new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(d))} UTC`,
  };
}

/** A section heading with some space above it. */
export function heading(doc: PDFKit.PDFDocument, text: string, size = 12): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(size).fillColor('#003399').text(text).moveDown(0.3);
  doc.font('body').fontSize(10).fillColor('#000000');
}

/** Label–value lines. */
export function facts(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  const x = doc.page.margins.left;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('bold').text(label, x, y, { width: 150 });
    const afterLabel = doc.y;
    doc.font('body').text(value, x + 160, y, { width: doc.page.width - doc.page.margins.right - x - 160 });
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
