import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import {
  UnreadableDocumentError,
  calendarDateOf,
  collapseSpaces,
  noMetadata,
} from './converted-document';
import type { ConvertedDocument, FoundMetadata } from './converted-document';
import { assertHtmlNestingBounded } from './html-nesting';

/** Elements whose text a reader sees as a paragraph of its own. */
const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'DT',
  'DD',
  'FIGCAPTION',
]);
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'UL', 'OL', 'TABLE']);

const BARE_URL = /^(https?:\/\/|www\.)\S+$/i;

/** Readability gives up on a page with more elements than this, rather than take minutes. */
const MAX_ELEMENTS = 200_000;

/**
 * The main text of a web page, as a reader sees it: Readability finds the article (navigation,
 * bylines, tag lists, share bars, footers and images left behind), and each block becomes a
 * paragraph separated by a blank line. The headline leads, since people read it first.
 */
export function convertHtml(html: string): ConvertedDocument {
  assertHtmlNestingBounded(html);
  const document = domOf(html);
  const metadata = readHtmlMetadata(document);
  // Readability edits the DOM it is given; metadata is read first for that reason.
  const article = readArticle(document);
  const paragraphs = article?.content
    ? paragraphsOf(domOf(`<!doctype html><html><body>${article.content}</body></html>`).body)
    : [];
  const headline = metadata.title ?? (article?.title ? collapseSpaces(article.title) : null);
  if (headline && paragraphs[0] !== headline) paragraphs.unshift(headline);
  return {
    text: paragraphs.join('\n\n'),
    metadata: { ...metadata, title: headline },
    pages: null,
  };
}

function readArticle(document: HtmlDocument) {
  try {
    return new Readability(document, { charThreshold: 200, maxElemsToParse: MAX_ELEMENTS }).parse();
  } catch (error) {
    // Readability's only refusal: "Aborting parsing document; N elements found".
    const found = /(\d+) elements found/.exec(String(error))?.[1];
    if (found === undefined) throw error;
    throw new UnreadableDocumentError(
      `the HTML has ${found} elements, more than the ${MAX_ELEMENTS} a page may`,
    );
  }
}

interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
}

/** A block's text; a table row's cells kept apart ("Financial close | 30 June 2026"). */
function blockText(block: HtmlNode): string {
  const cells =
    block.nodeName === 'TR'
      ? Array.from(block.childNodes).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH')
      : [];
  if (cells.length === 0) return block.textContent ?? '';
  return cells
    .map((cell) => collapseSpaces(cell.textContent ?? ''))
    .filter((text) => text !== '')
    .join(' | ');
}

function paragraphsOf(root: HtmlNode): string[] {
  const paragraphs: string[] = [];
  let inline = '';
  const flush = () => {
    const text = collapseSpaces(inline);
    // A bare URL is an image or share link printed as text, never something a person reads.
    if (text !== '' && !BARE_URL.test(text)) paragraphs.push(text);
    inline = '';
  };
  const walk = (node: HtmlNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) inline += child.textContent ?? '';
      else if (child.nodeName === 'BR') inline += ' ';
      else if (BLOCKS.has(child.nodeName)) {
        flush();
        inline = blockText(child);
        flush();
      } else if (CONTAINERS.has(child.nodeName)) {
        flush();
        walk(child);
        flush();
      } else if (child.nodeType === 1) walk(child);
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

interface HtmlDocument {
  title: string;
  body: HtmlNode;
  documentElement: { getAttribute(name: string): string | null } | null;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/** linkedom's types assume the DOM library, which a server build does not include. */
function domOf(html: string): HtmlDocument {
  return (parseHTML(html) as unknown as { document: HtmlDocument }).document;
}

function readHtmlMetadata(document: HtmlDocument): FoundMetadata {
  const meta = (selector: string, attribute = 'content') => {
    const value = document.querySelector(selector)?.getAttribute(attribute);
    return value && value.trim() !== '' ? value.trim() : null;
  };
  const title = meta('meta[property="og:title"]') ?? nonEmpty(collapseSpaces(document.title));
  const url = meta('link[rel="canonical"]', 'href') ?? meta('meta[property="og:url"]');
  return {
    ...noMetadata,
    title,
    publishedAt: calendarDateOf(
      meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]'),
    ),
    sourceUrl: url && /^https?:\/\//i.test(url) ? url : null,
    language: nonEmpty(document.documentElement?.getAttribute('lang')?.trim() ?? ''),
  };
}

function nonEmpty(value: string): string | null {
  return value === '' ? null : value;
}
