import { UnreadableDocumentError } from './converted-document';

/**
 * Deeper than any page a person reads: news sites nest 30 to 60 deep. Parsing and Readability
 * slow down with depth (linkedom quadratically) and recurse over it, so a page of 100,000 nested
 * tags would hold the event loop for minutes and then overflow the stack.
 */
export const MAX_HTML_DEPTH = 256;

/** Comments and the raw text of scripts and styles hold no elements; then any tag. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/gi;

/** Elements that never hold others, or whose end tag the parser implies (they cannot nest deep alone). */
const NOT_NESTING = new Set(
  [
    'area base br col embed hr img input link meta param source track wbr',
    'p li dt dd tr td th option optgroup rb rt rtc rp thead tbody tfoot colgroup caption',
    'html head body',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Refuses HTML nested deeper than `MAX_HTML_DEPTH` before it is parsed, in one pass over the tags
 * that keeps the open elements the way a parser would (an end tag closes up to its element, a
 * stray one is ignored), so its depth is never under the parsed document's.
 */
export function assertHtmlNestingBounded(html: string, maxDepth = MAX_HTML_DEPTH): void {
  const open: string[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const [, rawText, closing, rawName, selfClosing] = match;
    if (rawText !== undefined || rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (NOT_NESTING.has(name) || selfClosing === '/') continue;
    if (closing === '/') {
      const index = open.lastIndexOf(name);
      if (index >= 0) open.length = index;
      continue;
    }
    open.push(name);
    if (open.length > maxDepth) {
      throw new UnreadableDocumentError(
        `the HTML nests elements more than ${maxDepth} deep (<${name}> at character ${match.index} is ${open.length} levels in); no page a person reads does`,
      );
    }
  }
}
