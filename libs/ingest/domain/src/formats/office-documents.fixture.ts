import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface PdfOptions {
  /** Each page is a list of paragraphs, each a list of lines. */
  pages: string[][][];
  title?: string;
  language?: string;
  createdAt?: Date;
}

/** A PDF with a real text layer, laid out as a word processor would: lines, paragraph gaps, pages. */
export async function buildPdf(options: PdfOptions): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of options.pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 56, y, size: 11, font });
        y -= 14;
      }
      y -= 14;
    }
  }
  if (options.title) pdf.setTitle(options.title);
  if (options.language) pdf.setLanguage(options.language);
  if (options.createdAt) pdf.setCreationDate(options.createdAt);
  return Buffer.from(await pdf.save());
}

/** What a scanner produces: a page with marks on it and no text layer. */
export async function buildScannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({
    x: 56,
    y: 600,
    width: 400,
    height: 120,
    color: rgb(0.2, 0.2, 0.2),
  });
  return Buffer.from(await pdf.save());
}

export async function buildDocx(options: {
  paragraphs: string[];
  title?: string;
}): Promise<Buffer> {
  const document = new Document({
    ...(options.title ? { title: options.title } : {}),
    sections: [{ children: options.paragraphs.map((text) => new Paragraph({ text })) }],
  });
  return Packer.toBuffer(document);
}
