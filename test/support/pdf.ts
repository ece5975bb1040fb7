import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';

let dumped = 0;

/** The text of a PDF, pages joined, white space folded; PDF_DUMP_DIR keeps a copy to look at. */
export async function pdfText(pdf: Buffer): Promise<string> {
  if (process.env.PDF_DUMP_DIR)
    writeFileSync(path.join(process.env.PDF_DUMP_DIR, `document-${++dumped}.pdf`), pdf);
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}
