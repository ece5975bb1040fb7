import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'fontkit';

// DejaVu Sans covers every Latin letter of the EU's languages (ü, é, ł, ’, ő …); embedded, so PDFs read the same anywhere.
const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
export const FONTS = {
  body: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
};

/** The two fonts' names in a document (their files' paths, so that a name is never ambiguous). */
export const BODY = FONTS.body;
export const BOLD = FONTS.bold;

/**
 * The fonts, opened once per process and shared by every document: fontkit decodes a font's tables
 * as it first needs them (the shaping rules of GSUB and GPOS, the glyphs), and a font opened for
 * each document decoded them again for each. Each document still embeds its own subset. A document
 * is laid out synchronously, so no two use a font at the same time.
 */
let opened: Promise<Record<string, Font>> | undefined;
function sharedFonts(): Promise<Record<string, Font>> {
  if (!opened) {
    opened = (async () => {
      const fontkit = await import('fontkit');
      const open = async (file: string) => fontkit.create(await readFile(file)) as Font;
      return { [BODY]: await open(BODY), [BOLD]: await open(BOLD) };
    })();
    // A font that could not be opened is tried again by the next document.
    opened.catch(() => {
      opened = undefined;
    });
  }
  return opened;
}

export interface PdfMeta {
  title: string;
  author: string;
  /** The document's own id, printed in the footer. */
  documentId: string;
  /** The document date: fixed, so that the same input gives the same bytes. */
  date: Date;
  language: string;
  /** SHA-256 of the data the document was made from, printed in the footer. */
  dataSha256: string;
  pageLabel: (page: number, pages: number) => string;
}

/**
 * Renders a layout into PDF bytes: A4, embedded fonts, page numbers and an identifying footer on
 * every page. PDFKit is loaded with the first document, not when a process starts (an API process
 * that never makes one is ready sooner).
 */
export async function renderPdf(meta: PdfMeta, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 72, left: 56, right: 56 },
    bufferPages: true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Creator: 'SOC joint procurement platform',
      Producer: 'PDFKit',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  // Registered with the name as its family too: PDFKit's tables put the font back after each cell
  // by its source and family, and find it by the family among the document's fonts.
  const fonts = await sharedFonts();
  for (const name of [BODY, BOLD]) doc.registerFont(name, fonts[name] as never, name);
  doc.font(BODY).fontSize(10);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const y = doc.page.height - 48;
    doc
      .moveTo(56, y - 6)
      .lineTo(doc.page.width - 56, y - 6)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.font(BODY).fontSize(7).fillColor('#555555');
    const width = doc.page.width - 212;
    doc.text(meta.documentId, 56, y, { width, lineBreak: false });
    doc.text(`SHA-256 ${meta.dataSha256}`, 56, y + 9, { width: width + 40, lineBreak: false });
    doc.text(meta.pageLabel(i + 1, range.count), doc.page.width - 156, y, {
      width: 100,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
