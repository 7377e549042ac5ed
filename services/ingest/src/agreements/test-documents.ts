import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export interface PdfOptions {
  /** Each page is a list of paragraphs, each a list of lines. */
  pages: string[][][];
  title?: string;
  language?: string;
  createdAt?: Date;
}

/** Test documents built by the suite itself. A PDF with a real text layer, laid out as a word processor would: lines, paragraph gaps, pages. */
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

/** A scraped news page: navigation, byline, image, article, tags, related links and footer. */
export function newsPage(title: string, paragraphs: string[], navigation = 'World | Asia'): string {
  return `<!doctype html><html lang="en"><head><title>${title} - Example News</title>
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2025-10-28T04:44:00+00:00">
<link rel="canonical" href="https://news.example.org/20251028/story.html"></head>
<body><header><nav class="menu">${navigation}</nav></header>
<main><article><h1>${title}</h1><div class="byline">By Jane Reporter</div>
<figure><img src="https://cdn.example.org/img/1.jpg"><figcaption>https://cdn.example.org/img/1.jpg</figcaption></figure>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
<div class="tags"><a href="/tags/japan">japan</a> <a href="/tags/tokyo">tokyo</a></div></article>
<aside class="related"><a href="/other">Other story</a></aside></main>
<footer class="footer">Example News. All rights reserved.</footer></body></html>`;
}
