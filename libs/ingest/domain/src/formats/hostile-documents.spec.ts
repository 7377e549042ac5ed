import { convertDocument, detectFormat } from './convert-document';
import { UnreadableDocumentError } from './converted-document';
import {
  deeplyNestedHtml,
  longAgreementPage,
  longPdf,
  manyPagePdf,
  zipBomb,
} from './hostile-documents.fixture';
import { MAX_HTML_DEPTH } from './html-nesting';
import { MAX_PDF_PAGES } from './pdf-to-text';
import { MAX_DOCX_EXPANDED_BYTES } from './zip-bomb-guard';

/** 1 in `npm test`; `npm run test:fuzz` raises it for full-size inputs. */
const scale = Number(process.env['FUZZ_SCALE'] ?? '1');
const MiB = 1024 * 1024;

async function refusal(converting: Promise<unknown>): Promise<string> {
  const error: unknown = await converting.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  return (error as UnreadableDocumentError).reason;
}

describe('converting hostile documents', () => {
  it('reads a 500-page PDF whole, each page where its span says', async () => {
    const converted = await convertDocument('pdf', await longPdf(500));
    expect(converted.pages).toHaveLength(500);
    for (const page of [1, 2, 250, 499, 500]) {
      const span = converted.pages![page - 1]!;
      expect({ page: span.page, text: converted.text.slice(span.start, span.end) }).toEqual({
        page,
        text: longAgreementPage(page).join('\n\n'),
      });
    }
  }, 60_000);

  it('refuses a PDF of more pages than any agreement before reading them', async () => {
    const pages = scale > 1 ? 20_000 : MAX_PDF_PAGES + 1;
    expect(await refusal(convertDocument('pdf', await manyPagePdf(pages)))).toBe(
      `the PDF has ${pages} pages, more than the ${MAX_PDF_PAGES} a document may: send it in parts`,
    );
  }, 60_000);

  it('refuses a zip bomb named .docx from its directory, without expanding it', async () => {
    const expanded = (scale > 1 ? 4000 : 1024) * MiB;
    const reason = await refusal(convertDocument('docx', zipBomb(expanded)));
    expect(reason).toMatch(
      new RegExp(
        `^the DOCX expands to \\d+ bytes \\(word/document.xml alone to ${expanded}\\), more than the ${MAX_DOCX_EXPANDED_BYTES} a document may: refused unread as a zip bomb$`,
      ),
    );
  });

  it('refuses a zip bomb that understates its size once it inflates past what it declared', async () => {
    const reason = await refusal(convertDocument('docx', zipBomb(512 * MiB, 10_000)));
    expect(reason).toBe(
      'word/document.xml in the DOCX inflates past the 10000 bytes its archive declares: refused as a zip bomb',
    );
  });

  it('refuses HTML nested 100,000 deep before parsing it, naming the depth', async () => {
    const reason = await refusal(
      convertDocument('html', Buffer.from(deeplyNestedHtml(100_000 * scale))),
    );
    expect(reason).toMatch(
      new RegExp(
        `^the HTML nests elements more than ${MAX_HTML_DEPTH} deep \\(<div> at character \\d+`,
      ),
    );
  });

  it('reads HTML nested as deep as a real page, leaving its scripts out', async () => {
    const converted = await convertDocument('html', Buffer.from(deeplyNestedHtml(200)));
    expect(converted.text).toContain('The Parties shall hold a ministerial meeting');
    expect(converted.text).not.toMatch(/while|document\.write/);
  });

  it('does not count paragraphs left open (their end tag is optional) as nesting', async () => {
    const paragraphs = Array.from(
      { length: 2_000 },
      (_, index) => `<p>Clause ${index}: the Parties shall cooperate on survey data.`,
    ).join('\n');
    const html = `<!doctype html><html><body><article>${paragraphs}</article></body></html>`;
    const converted = await convertDocument('html', Buffer.from(html));
    expect(converted.text).toContain('Clause 1999: the Parties shall cooperate');
  });
});

describe('reading text in other scripts and encodings', () => {
  const japanese = '両国は六か月以内に資金を提供する。';
  const arabic = 'ستقدم الدولتان التمويل خلال ستة أشهر.';
  const french = "Les Parties se réuniront à Genève avant l'été.";

  const utf16 = (text: string, order: 'le' | 'be') => {
    const little = Buffer.from(text, 'utf16le');
    const bytes = order === 'le' ? little : Buffer.from(little).swap16();
    return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
  };

  it.each([
    [
      'UTF-8 Japanese and Arabic',
      Buffer.from(`${japanese}\n${arabic}`),
      null,
      `${japanese}\n${arabic}`,
    ],
    ['UTF-16LE with a byte order mark', utf16(japanese, 'le'), null, japanese],
    ['UTF-16BE with a byte order mark', utf16(arabic, 'be'), null, arabic],
    [
      'windows-1252 declared in the Content-Type',
      Buffer.concat([latin1Of(french), Buffer.from([0x20, 0x80, 0x35])]),
      'text/plain; charset=windows-1252',
      `${french} €5`,
    ],
    [
      'ISO-8859-1 declared (read as windows-1252, as browsers do)',
      latin1Of(french),
      'text/plain; charset="ISO-8859-1"',
      french,
    ],
    [
      'Shift_JIS declared',
      Buffer.from([0x97, 0xbc, 0x8d, 0x91]),
      'text/plain; charset=Shift_JIS',
      '両国',
    ],
  ])('reads %s', async (_label, bytes, contentType, expected) => {
    expect((await convertDocument('text', bytes, contentType)).text).toBe(expected);
  });

  it('reads HTML in the charset its meta tag declares', async () => {
    const html = Buffer.concat([
      Buffer.from('<!doctype html><html><head><meta charset="windows-1252"><title>'),
      latin1Of('Accord de Genève'),
      Buffer.from('</title></head><body><article><p>'),
      latin1Of(`${french} `.repeat(8)),
      Buffer.from('</p></article></body></html>'),
    ]);
    const converted = await convertDocument('html', html, 'text/html');
    expect(converted.metadata.title).toBe('Accord de Genève');
    expect(converted.text).toContain(french);
  });

  it('refuses bytes that are not UTF-8 when no charset is declared, saying where', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Les Parties se r'),
      latin1Of('é'),
      Buffer.from('uniront.'),
    ]);
    expect(await refusal(convertDocument('text', bytes))).toBe(
      'the document is not valid UTF-8 (at byte 16) and declares no charset: send it with one, e.g. Content-Type: text/plain; charset=windows-1252',
    );
  });

  it('refuses bytes that are not in the charset declared, rather than guess', async () => {
    expect(
      await refusal(
        convertDocument('html', latin1Of(`<p>${french}</p>`), 'text/html; charset=utf-8'),
      ),
    ).toBe('the document is not valid utf-8, which the Content-Type declares');
  });

  it('refuses a charset it does not know, naming it', async () => {
    expect(
      await refusal(convertDocument('text', Buffer.from('text'), 'text/plain; charset=klingon')),
    ).toBe('unknown charset "klingon" declared by the Content-Type');
  });

  it('takes UTF-16 with a byte order mark sent as octet-stream for text', () => {
    expect(detectFormat('application/octet-stream', utf16(japanese, 'le'))).toBe('text');
  });
});

function latin1Of(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
