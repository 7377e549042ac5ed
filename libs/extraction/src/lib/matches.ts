/**
 * Every match of a global pattern in the text, as `text.matchAll(pattern)` gives them. matchAll
 * copies the pattern on every call, and V8 builds each copy as a new regular expression, looked up
 * again in its compilation cache: a twentieth of the engine's time went there. This runs the
 * pattern itself from the start and leaves its `lastIndex` at 0; the matches are all taken before
 * any is returned, so a caller may use the same pattern again while it goes through them.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern: ${pattern}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match would be found again at the same place.
    if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
  }
  return found;
}

/**
 * The first match of a global pattern that `accept` takes, stopping there; the pattern's
 * `lastIndex` is left at 0 as by allMatches.
 */
export function firstMatch(
  pattern: RegExp,
  text: string,
  accept: (match: RegExpExecArray) => boolean,
): RegExpExecArray | null {
  if (!pattern.global) throw new TypeError(`firstMatch needs a global pattern: ${pattern}`);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (accept(match)) {
      pattern.lastIndex = 0;
      return match;
    }
    if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
  }
  return null;
}

/** The text as a pattern that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The index after `index`, stepping over a whole surrogate pair in a unicode pattern. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const isPair =
    code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
  return index + (isPair ? 2 : 1);
}
