import fc from 'fast-check';

import { firstStartingFrom, lastEndingBy, mergeSpans, overlapsAny } from './spans';
import type { Span } from './spans';

const span = (start: number, end: number): Span => ({ start, end });

/** Spans in order and apart: each at least one past the end of the one before. */
const orderedSpans = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 })), {
    maxLength: 30,
  })
  .map((steps) => {
    let at = 0;
    return steps.map(([gap, length]) => {
      const found = span(at + gap, at + gap + length);
      at = found.end;
      return found;
    });
  });

describe('overlapsAny', () => {
  const taken = [span(10, 20), span(30, 40)];

  it.each([
    ['ends where a span starts', 5, 10, false],
    ['starts where a span ends', 20, 25, false],
    ['lies between two spans', 21, 29, false],
    ['lies after every span', 40, 50, false],
    ['overlaps the start of a span', 5, 11, true],
    ['overlaps the end of a span', 39, 45, true],
    ['lies inside a span', 12, 13, true],
    ['covers two spans', 0, 100, true],
  ])('a stretch that %s: %s', (_case, start, end, overlaps) => {
    expect(overlapsAny(taken, start, end)).toBe(overlaps);
  });

  it('finds nothing among no spans', () => {
    expect(overlapsAny([], 0, 10)).toBe(false);
  });

  it('answers as checking every span would', () => {
    fc.assert(
      fc.property(
        orderedSpans,
        fc.nat(120),
        fc.integer({ min: 1, max: 20 }),
        (spans, start, length) => {
          const end = start + length;
          const byScan = spans.some((s) => start < s.end && end > s.start);
          expect(overlapsAny(spans, start, end)).toBe(byScan);
        },
      ),
    );
  });
});

describe('mergeSpans', () => {
  it('interleaves two lists in order of start', () => {
    const merged = mergeSpans([span(0, 1), span(10, 11)], [span(5, 6), span(20, 21)]);
    expect(merged.map((s) => s.start)).toEqual([0, 5, 10, 20]);
  });

  it('keeps the spans themselves, with whatever else they carry', () => {
    const mention = { start: 3, end: 4, text: 'x' };
    expect(mergeSpans([], [mention])[0]).toBe(mention);
  });

  it('gives every span of both lists once, in order', () => {
    fc.assert(
      fc.property(orderedSpans, (spans) => {
        const left = spans.filter((_, index) => index % 2 === 0);
        const right = spans.filter((_, index) => index % 2 === 1);
        expect(mergeSpans(left, right)).toEqual(spans);
      }),
    );
  });
});

describe('firstStartingFrom and lastEndingBy', () => {
  const spans = [span(10, 20), span(30, 40)];

  it.each([
    [0, 10],
    [10, 10],
    [11, 30],
    [41, undefined],
  ])('the first span starting at or after %s starts at %s', (position, start) => {
    expect(firstStartingFrom(spans, position)?.start).toBe(start);
  });

  it.each([
    [9, undefined],
    [20, 20],
    [39, 20],
    [40, 40],
  ])('the last span ending at or before %s ends at %s', (position, end) => {
    expect(lastEndingBy(spans, position)?.end).toBe(end);
  });

  it('answer as a scan of every span would', () => {
    fc.assert(
      fc.property(orderedSpans, fc.nat(120), (found, position) => {
        expect(firstStartingFrom(found, position)).toBe(found.find((s) => s.start >= position));
        expect(lastEndingBy(found, position)).toBe(found.filter((s) => s.end <= position).at(-1));
      }),
    );
  });
});
