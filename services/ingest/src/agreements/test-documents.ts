import { Document, Packer, Paragraph } from 'docx';
import { constants, deflateRawSync } from 'node:zlib';
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

interface ZipPart {
  name: string;
  /** Deflated bytes (raw deflate). */
  deflated: Buffer;
  /** What the central directory says it expands to. */
  declaredSize: number;
}

/**
 * A DOCX-shaped zip bomb: `word/document.xml` inflates to `expandedBytes` (whole MiB) of zeros from
 * about a thousandth of that. The deflate stream is one flushed block of a MiB repeated, so building
 * it takes neither the time nor the memory of what it expands to. `declaredBytes` lets it lie about
 * its size in the central directory, as a bomb built to slip past a size check would.
 */
export function zipBomb(expandedBytes: number, declaredBytes = expandedBytes): Buffer {
  const mebibyte = 1024 * 1024;
  // A full flush ends the block byte-aligned and forgets the window, so copies can follow it.
  const block = deflateRawSync(Buffer.alloc(mebibyte), { finishFlush: constants.Z_FULL_FLUSH });
  const blocks = Math.ceil(expandedBytes / mebibyte);
  const deflated = Buffer.concat([
    ...Array<Buffer>(blocks).fill(block),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  return zipArchive([
    part('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    { name: 'word/document.xml', deflated, declaredSize: Math.min(declaredBytes, 0xffffffff) },
  ]);
}

function part(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text);
  return { name, deflated: deflateRawSync(bytes), declaredSize: bytes.length };
}

/** A ZIP archive of deflated parts. CRCs are left at zero: nothing here reads that far. */
function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, deflated, declaredSize } of parts) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    directory.push(central, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** A page whose article sits under `depth` nested elements, with scripts around it. */
export function deeplyNestedHtml(depth: number): string {
  return `<!doctype html><html><head><title>Nested</title><script>while (true) {}</script></head>
<body><article><p>The Parties shall hold a ministerial meeting within 180 days of signing.</p>
${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}<script>document.write('<div>')</script>
</article></body></html>`;
}
