import { COUNTRIES, countryNamed } from '@dealwatch/countries';

import { escapeRegExp } from './matches';

const US_STATES =
  /\b(Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)\b/;

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
  if (US_STATES.test(place)) return 'US';
  if (/\b(England|Wales|Scotland)\b/.test(place)) return 'GB';
  return COUNTRY_MENTIONS.find(({ mention }) => mention.test(place))?.code ?? null;
}

/**
 * Whose public holidays a business-day count skips: the governing law's jurisdiction when
 * stated, else the first party's country, else the United States.
 */
export function holidayCountry(text: string, parties: readonly string[]): string {
  const law = /governed by[^.]{0,60}?laws? of (?:the )?(?:State of )?([A-Z][\w ,]+)/.exec(text);
  const fromLaw = law?.[1] ? countryCode(law[1]) : null;
  if (fromLaw) return fromLaw;
  const first = parties[0];
  if (first) {
    const code = countryNamed(first)?.code;
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
