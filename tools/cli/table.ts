/** Graphemes, so an accented letter or an emoji built of several code points counts as one column. */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function charactersOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/**
 * Rows as columns padded to their widest cell, two spaces apart. The last column is not padded, so
 * lines carry no trailing blanks.
 */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, charactersOf(cell).length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === row.length - 1
          ? cell
          : cell + ' '.repeat((widths[column] ?? 0) - charactersOf(cell).length),
      )
      .join('  '),
  );
}

/** Cuts `text` to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const characters = charactersOf(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
