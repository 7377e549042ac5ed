import { XMLParser } from 'fast-xml-parser';

import { calendarDateOf, collapseSpaces } from '../formats/converted-document';

/** One entry of an RSS 2.0 or Atom feed, as much as ingest needs of it. */
export interface FeedItem {
  /** What identifies the item across polls: its guid / id, else its link. */
  key: string;
  url: string;
  title: string | null;
  summary: string | null;
  /** YYYY-MM-DD, when the feed states it. */
  publishedAt: string | null;
}

export class UnreadableFeedError extends Error {
  override readonly name = 'UnreadableFeedError';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

type Node = Record<string, unknown>;

/** The items of an RSS 2.0 or Atom document, in feed order; items without a link are left out. */
export function parseFeed(xml: string): FeedItem[] {
  let document: Node;
  try {
    document = parser.parse(xml) as Node;
  } catch (error) {
    throw new UnreadableFeedError(`not XML: ${(error as Error).message}`);
  }
  const rss = (document['rss'] as Node | undefined)?.['channel'] as Node | undefined;
  if (rss) return list(rss['item']).flatMap((item) => rssItem(item));
  const atom = document['feed'] as Node | undefined;
  if (atom) return list(atom['entry']).flatMap((entry) => atomEntry(entry));
  throw new UnreadableFeedError('neither an RSS 2.0 channel nor an Atom feed');
}

function rssItem(item: Node): FeedItem[] {
  const url = text(list(item['link'])[0]);
  if (!url) return [];
  return [
    {
      key: text(item['guid']) ?? url,
      url,
      title: text(item['title']),
      summary: text(item['description']),
      publishedAt: rfc822Date(text(item['pubDate'])),
    },
  ];
}

function atomEntry(entry: Node): FeedItem[] {
  const links = list(entry['link']);
  const alternate = links.find((link) => (link['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const url = typeof alternate?.['@href'] === 'string' ? alternate['@href'] : null;
  if (!url) return [];
  return [
    {
      key: text(entry['id']) ?? url,
      url,
      title: text(entry['title']),
      summary: text(entry['summary']) ?? text(entry['content']),
      publishedAt: calendarDateOf(text(entry['published']) ?? text(entry['updated'])),
    },
  ];
}

function list(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  const values: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  return values.map((one) =>
    typeof one === 'object' && one !== null ? (one as Node) : { '#text': one },
  );
}

function text(value: unknown): string | null {
  const raw = typeof value === 'object' && value !== null ? (value as Node)['#text'] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const collapsed = collapseSpaces(String(raw));
  return collapsed === '' ? null : collapsed;
}

/** `Tue, 28 Oct 2025 04:44:00 +0000` -> `2025-10-28` (the date where it was published). */
function rfc822Date(value: string | null): string | null {
  const match = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(value ?? '');
  if (!match) return calendarDateOf(value);
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase());
  if (month < 0) return null;
  return calendarDateOf(
    `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`,
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
