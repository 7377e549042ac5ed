/** A stretch of text, [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether [start, end) overlaps one of `spans`, which are in order and apart, so their ends are in
 * order too: a binary search, where a scan of every span taken made a text of thousands of dates
 * or commitments take seconds.
 */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  const first = spans[firstIndex(spans, (span) => span.end > start)];
  return first !== undefined && first.start < end;
}

/** The first of `spans` (in order and apart) to start at or after `position`. */
export function firstStartingFrom<T extends Span>(
  spans: readonly T[],
  position: number,
): T | undefined {
  return spans[indexStartingFrom(spans, position)];
}

/** Where in `spans` (in order and apart) the first to start at or after `position` is. */
export function indexStartingFrom(spans: readonly Span[], position: number): number {
  return firstIndex(spans, (span) => span.start >= position);
}

/** The last of `spans` (in order and apart) to end at or before `position`. */
export function lastEndingBy<T extends Span>(spans: readonly T[], position: number): T | undefined {
  return spans[firstIndex(spans, (span) => span.end > position) - 1];
}

/** The index of the first span that is `past`, where every span after one that is, is too. */
function firstIndex(spans: readonly Span[], past: (span: Span) => boolean): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (past(spans[middle] as Span)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Two lists of spans, each in order and all apart, as one list in order. */
export function mergeSpans<T extends Span>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && left.start < right.start)) {
      merged.push(left as T);
      i++;
    } else {
      merged.push(right);
      j++;
    }
  }
  return merged;
}
