import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A seeded generator (mulberry32): the same documents on every run, so runs compare. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** States ingest's linking recognises as parties (libs/ingest/domain deal-signals). */
export const PARTIES = [
  'United States',
  'Japan',
  'Australia',
  'Malaysia',
  'Thailand',
  'Saudi Arabia',
  'Ukraine',
  'China',
  'India',
  'Indonesia',
  'South Korea',
  'Vietnam',
  'Philippines',
  'Canada',
  'Mexico',
  'Brazil',
  'United Kingdom',
  'European Union',
  'Germany',
  'France',
];

const SECTORS = [
  'critical minerals',
  'semiconductor supply chains',
  'liquefied natural gas',
  'rare earth processing',
  'port infrastructure',
  'battery manufacturing',
  'grain exports',
  'shipbuilding',
  'nuclear fuel',
  'undersea cables',
];
const MONTHS = ['January', 'March', 'April', 'June', 'July', 'September', 'October', 'November'];
const DEADLINES = [
  'within six months',
  'within 180 days',
  'by the end of next year',
  'within 90 days',
];

export interface Deal {
  parties: [string, string];
  sector: string;
  /** `October 28, 2025` */
  signed: string;
  seed: number;
}

export function dealOf(seed: number): Deal {
  const random = randomSource(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const first = pick(PARTIES);
  let second = pick(PARTIES);
  while (second === first) second = pick(PARTIES);
  const day = 1 + Math.floor(random() * 28);
  return {
    parties: [first, second],
    sector: pick(SECTORS),
    signed: `${pick(MONTHS)} ${day}, ${2024 + Math.floor(random() * 3)}`,
    seed,
  };
}

/**
 * The article body about a deal: each party named several times (as real reports do), the signing
 * date, deadlines, and filler sentences varied by the seed so different deals share little wording.
 */
export function articleParagraphs(deal: Deal, paragraphs = 8): string[] {
  const random = randomSource(deal.seed * 7919 + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const [a, b] = deal.parties;
  const verbs = ['agreed', 'pledged', 'committed', 'undertook', 'resolved'];
  const things = ['financing', 'permits', 'joint projects', 'export quotas', 'a working group'];
  const body = [
    `${a} and ${b} signed on ${deal.signed} a framework agreement on ${deal.sector}, officials said.`,
    `Under the agreement, ${a} will provide financing ${pick(DEADLINES)} and ${b} will streamline permits for ${deal.sector}.`,
    `A bilateral ministerial meeting between ${a} and ${b} is scheduled ${pick(DEADLINES)} to set investment priorities.`,
  ];
  for (let index = body.length; index < paragraphs; index++) {
    const sentences = [];
    for (let sentence = 0; sentence < 4; sentence++) {
      // Names, places and figures differ from story to story; invented words stand in for them, so
      // two different deals share little wording (as real reports do) while one deal's reports share it all.
      sentences.push(
        `The ${pick(['ministry', 'agency', 'delegation', 'committee'])} in ${word(random)} ${pick(verbs)} to review ${pick(things)} for the ${word(random)} ${word(random)} project ${pick(DEADLINES)}, ${capitalised(word(random))} ${word(random)} said, as analysts at ${capitalised(word(random))} ${pick(['expected', 'cautioned', 'welcomed', 'questioned'])} ${Math.floor(random() * 900) + 100} million in ${word(random)} ${pick(things)}.`,
      );
    }
    body.push(sentences.join(' '));
  }
  return body;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tan',
  'vi',
  'shu',
  'ren',
  'do',
  'pa',
  'gri',
  'sel',
  'no',
  'ut',
  'bra',
  'ish',
  'zen',
];

function word(random: () => number): string {
  const length = 2 + Math.floor(random() * 3);
  return Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!).join('');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Another outlet's account of the same signing: its own headline and closing line, same report. */
export function otherOutletText(deal: Deal): string {
  return [
    `${deal.parties[0]}, ${deal.parties[1]} seal ${deal.sector} pact`,
    ...articleParagraphs(deal),
    'Reporting by the wire desk; editing by the night editor.',
  ].join('\n\n');
}

export function articleText(deal: Deal): string {
  return [
    `${deal.parties[0]} and ${deal.parties[1]} sign ${deal.sector} framework`,
    ...articleParagraphs(deal),
  ].join('\n\n');
}

/**
 * A news page the way sites serve them: scripts, styles, a navigation menu, a byline, an image,
 * share buttons, tags, related stories and a long footer around the article (about 40 KB).
 */
export function newsPage(deal: Deal): string {
  const title = `${deal.parties[0]} and ${deal.parties[1]} sign ${deal.sector} framework`;
  const links = (prefix: string, count: number) =>
    Array.from(
      { length: count },
      (_, index) => `<li><a href="/${prefix}/${index}">${prefix} section ${index}</a></li>`,
    ).join('');
  const related = Array.from(
    { length: 12 },
    (_, index) =>
      `<li class="related__item"><a href="/news/${deal.seed}-${index}"><img src="https://cdn.example.org/img/${deal.seed}${index}.jpg" alt="">Markets close mixed as investors weigh outlook ${index}</a></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} - Example News</title>
<meta property="article:published_time" content="2025-10-28T04:44:00+00:00">
<link rel="canonical" href="https://news.example.org/${deal.seed}.html">
<style>${'.article p{margin:0 0 1em;line-height:1.6}\n'.repeat(60)}</style>
<script>window.__STATE__=${JSON.stringify({
    ads: Array.from({ length: 80 }, (_, index) => ({
      slot: `slot-${index}`,
      sizes: [
        [300, 250],
        [728, 90],
      ],
    })),
  })}</script>
</head><body>
<header class="site-header"><nav class="menu"><ul>${links('world', 40)}</ul></nav></header>
<main><article class="article">
<h1 class="article__title">${title}</h1>
<div class="article__byline byline">By <a rel="author" href="/authors/${deal.seed}">Staff Reporter</a> · 4 min read</div>
<figure class="article__image"><img src="https://cdn.example.org/img/${deal.seed}_1920x0_80.jpg" alt=""><figcaption>Photo: agency</figcaption></figure>
<div class="share social">Share on X | Share on Facebook | Copy link</div>
<div class="article__body">
${articleParagraphs(deal)
  .map((paragraph) => `<p>${paragraph}</p>`)
  .join('\n')}
</div>
<div class="article__tags tags"><a href="/tags/a">${deal.parties[0]}</a> <a href="/tags/b">${deal.parties[1]}</a> <a href="/tags/s">${deal.sector}</a></div>
</article>
<aside class="related"><h2>Related</h2><ul>${related}</ul></aside></main>
<footer class="site-footer"><ul>${links('about', 60)}</ul><p>© Example News. All rights reserved. Terms of use. Privacy policy. Cookie settings.</p></footer>
</body></html>`;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const FONT_SIZE = 11;
const LINE_HEIGHT = 15;

/**
 * An official-looking agreement as a PDF with a text layer: numbered articles filling `pages` A4
 * pages (about 45 lines each), a page number at the foot of every page.
 */
export async function agreementPdf(deal: Deal, pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const width = PAGE_WIDTH - 2 * MARGIN;
  const words = articleParagraphs(deal, 4 + pages * 8)
    .flatMap((paragraph, index) => [`Article ${index + 1}.`, ...paragraph.split(' '), '\n'])
    .filter((word) => word !== '');
  let cursor = 0;
  for (let number = 1; number <= pages; number++) {
    const page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    let y = PAGE_HEIGHT - MARGIN;
    while (y > MARGIN + 2 * LINE_HEIGHT) {
      let line = '';
      while (cursor < words.length) {
        const word = words[cursor]!;
        if (word === '\n') {
          cursor++;
          break;
        }
        const next = line === '' ? word : `${line} ${word}`;
        if (font.widthOfTextAtSize(next, FONT_SIZE) > width) break;
        line = next;
        cursor++;
      }
      if (cursor >= words.length) cursor = 0;
      page.drawText(line, { x: MARGIN, y, size: FONT_SIZE, font });
      y -= LINE_HEIGHT;
    }
    page.drawText(`Page ${number} of ${pages}`, {
      x: PAGE_WIDTH / 2 - 30,
      y: MARGIN / 2,
      size: 9,
      font,
    });
  }
  document.setTitle(`${deal.parties[0]}–${deal.parties[1]} framework on ${deal.sector}`);
  return document.save();
}
