import { constants, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** What page `page` of a long agreement says: its number and a dated commitment. */
export function longAgreementPage(page: number): string[] {
  return [
    `Page ${page}`,
    `Article ${page}. The Parties shall report on the measures of Article ${page} within 30 days.`,
  ];
}

/** An agreement of `pageCount` pages with a text layer: each page its number and a commitment. */
export async function longPdf(pageCount: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pageCount; page++) {
    const sheet = pdf.addPage([595, 842]);
    longAgreementPage(page).forEach((line, index) => {
      sheet.drawText(line, { x: 56, y: 780 - index * 28, size: 11, font });
    });
  }
  return Buffer.from(await pdf.save());
}

/** A PDF of `pageCount` small pages with a word each: many pages from few bytes. */
export async function manyPagePdf(pageCount: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pageCount; page++) {
    pdf.addPage([200, 200]).drawText(`p${page}`, { x: 10, y: 10, size: 8, font });
  }
  return Buffer.from(await pdf.save());
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
