/** Cardinal numbers written in words or digits, as contracts and reports write them. */
const UNITS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const unitWords = Object.keys(UNITS)
  .filter((word) => word !== 'a' && word !== 'an')
  .sort((a, b) => b.length - a.length)
  .join('|');
const tensWords = Object.keys(TENS).join('|');
const belowHundred = `(?:(?:${tensWords})(?:[-\\s](?:${unitWords}))?|${unitWords})`;

/**
 * Regex source for a cardinal: digits ("180", "1,000"), words ("twenty-four", "one hundred
 * twenty") or the article "a"/"an" ("within a year").
 */
export const NUMBER_PATTERN = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:${unitWords})\\s+hundred(?:\\s+(?:and\\s+)?${belowHundred})?|${belowHundred}|an?)`;

export function parseNumber(text: string): number | null {
  const cleaned = text.trim().toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(cleaned)) return Number(cleaned);
  const words = cleaned.split(/[\s-]+/).filter((word) => word !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const word of words) {
    const unit = UNITS[word];
    const tens = TENS[word];
    if (unit !== undefined) current += unit;
    else if (tens !== undefined) current += tens;
    else if (word === 'hundred') current = Math.max(current, 1) * 100;
    else if (word === 'thousand') {
      total += Math.max(current, 1) * 1000;
      current = 0;
    } else return null;
  }
  return total + current;
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  twenty_first: 21,
  twenty_second: 22,
  twenty_third: 23,
  twenty_fourth: 24,
  twenty_fifth: 25,
  twenty_sixth: 26,
  twenty_seventh: 27,
  twenty_eighth: 28,
  twenty_ninth: 29,
  thirtieth: 30,
  thirty_first: 31,
};

/** Ordinal words, longest first so that "twenty-first" is not read as "first". */
export const ORDINAL_WORD_PATTERN = Object.keys(ORDINALS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace('_', '[-\\s]'))
  .join('|');

/**
 * Regex source for an ordinal: "fifth", "twenty-fifth", "5th", "fifth (5th)", and the OCR
 * artefact "5t h". One group: the whole ordinal, for `parseOrdinal`.
 */
export const ORDINAL_PATTERN = `((?:${ORDINAL_WORD_PATTERN}|\\d{1,3}\\s?(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h))(?:\\s*\\(\\d{1,3}\\s?(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h)\\))?)`;

export function parseOrdinal(text: string): number | null {
  const digits = /\d+/.exec(text);
  if (digits) return Number(digits[0]);
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  return ORDINALS[word] ?? null;
}
