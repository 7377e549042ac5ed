import { COUNTRIES, REGIONS, countryNamed, regionNamed } from '@dealwatch/countries';

import { escapeRegExp } from './matches';

// The provinces and states of federations, the longest name first: "British Columbia" is in Canada,
// not Britain, "New South Wales" in Australia.
const REGION_MENTION = new RegExp(
  `\\b(?:${REGIONS.flatMap((region) => [region.name, ...region.aliases])
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\b`,
);

// One pattern per country, any of its names or adjectives, compiled once: building one per alias
// on every call made a thousand regular expressions an agreement.
const COUNTRY_MENTIONS = COUNTRIES.map((country) => ({
  code: country.code,
  mention: new RegExp(
    `(?<![\\w.])(?:${[...country.names, ...country.adjectives].map(escapeRegExp).join('|')})(?!\\w)`,
  ),
}));

/** The first country, in the list's order, that the place names. */
function countryCode(place: string): string | null {
  const region = REGION_MENTION.exec(place)?.[0];
  if (region) return regionNamed(region)?.country ?? null;
  if (/\b(England|Wales|Scotland)\b/.test(place)) return 'GB';
  return COUNTRY_MENTIONS.find(({ mention }) => mention.test(place))?.code ?? null;
}

/**
 * Whose public holidays a business-day count skips: the governing law's jurisdiction when
 * stated, else the first party's country (a province's, its federation's), else the United States.
 */
export function holidayCountry(text: string, parties: readonly string[]): string {
  const law = /governed by[^.]{0,60}?laws? of (?:the )?(?:State of )?([A-Z][\w ,]+)/.exec(text);
  const fromLaw = law?.[1] ? countryCode(law[1]) : null;
  if (fromLaw) return fromLaw;
  const first = parties[0];
  if (first) {
    // A province or state of a federation keeps its country's holidays.
    const code = countryNamed(first)?.code ?? regionNamed(first)?.country;
    if (code) return code;
    const incorporated = new RegExp(
      `${escapeRegExp(first.slice(0, 20))}[^.]{0,80}?(?:incorporated in|organized under the laws of|an? ([A-Z][a-z]+) corporation)\\s*([A-Z][\\w ]+)?`,
      'i',
    ).exec(text);
    const place = incorporated?.[1] ?? incorporated?.[2];
    const code2 = place ? countryCode(place) : null;
    if (code2) return code2;
  }
  return currencyCountry(text) ?? 'US';
}

// The one country whose currency a text counts in ("GBP 12,500,000", "£2m", "A$50 million").
const CURRENCIES: readonly [RegExp, string][] = [
  [/\bGBP\b|£/, 'GB'],
  [/\bAUD\b|\bA\$/, 'AU'],
  [/\bCAD\b|\bC\$/, 'CA'],
  [/\bNZD\b|\bNZ\$/, 'NZ'],
  [/\bJPY\b|¥/, 'JP'],
  [/\bINR\b|₹/, 'IN'],
  [/\bZAR\b/, 'ZA'],
];

/** The country of the only national currency a text names, or null where it names none or more. */
function currencyCountry(text: string): string | null {
  const named = CURRENCIES.filter(([pattern]) => pattern.test(text));
  return named.length === 1 ? (named[0]?.[1] ?? null) : null;
}
