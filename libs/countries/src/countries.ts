import worldCountries from 'world-countries';

export interface Country {
  /** The name DealWatch reports: the common English short name. */
  readonly name: string;
  /** ISO 3166-1 alpha-2, or `EU`. */
  readonly code: string;
  /** Names that mean the state wherever they stand (case-sensitive: `US`, not `us`). */
  readonly names: readonly string[];
  /** Names that mean the state only where the text says so ("the State of Georgia" may not). */
  readonly ambiguousNames: readonly string[];
  readonly adjectives: readonly string[];
  readonly capitals: readonly string[];
  /** Of the country's centre, in degrees (negative south of the equator): whose seasons it has. */
  readonly latitude: number;
}

/** Not sovereign in the data, but parties to agreements all the same. */
const ALSO_SIGNING = new Set(['TW', 'PS', 'XK']);

/** English usages the data does not list among a state's names. */
const USUAL_NAMES: Record<string, readonly string[]> = {
  US: ['U.S.A.', 'U.S.', 'USA', 'US'],
  GB: ['U.K.', 'UK', 'Great Britain', 'Britain'],
  TR: ['Turkey', 'Republic of Turkey'],
  CZ: ['Czech Republic'],
  CN: ['PRC'],
  KR: ['Republic of Korea', 'Korea'],
  KP: ['DPRK'],
  CD: ['Democratic Republic of Congo', 'DRC'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire"],
  MM: ['Burma'],
  CV: ['Cabo Verde'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  VN: ['Viet Nam'],
  AE: ['UAE'],
  MK: ['Macedonia'],
  RU: ['Russian Federation'],
};

/** Common names that are also a US state, a given name, or a word at a sentence's start. */
const AMBIGUOUS = new Set(['Georgia', 'Jordan', 'Chad']);

/** Demonyms in use beside the data's one. */
const USUAL_ADJECTIVES: Record<string, readonly string[]> = {
  KR: ['Korean'],
  PH: ['Filipino'],
  AR: ['Argentinian'],
  SA: ['Saudi'],
  AE: ['Emirati'],
  GB: ['UK'],
};

const EUROPEAN_UNION: Country = {
  name: 'European Union',
  code: 'EU',
  names: ['European Union', 'EU'],
  ambiguousNames: [],
  adjectives: [],
  capitals: ['Brussels'],
  latitude: 50,
};

export const COUNTRIES: readonly Country[] = [
  ...worldCountries
    .filter((country) => country.independent || ALSO_SIGNING.has(country.cca2))
    .map(toCountry),
  EUROPEAN_UNION,
];

function toCountry(country: (typeof worldCountries)[number]): Country {
  const code = country.cca2;
  const common = country.name.common;
  const ambiguous = AMBIGUOUS.has(common);
  const names = [country.name.official, common, ...(USUAL_NAMES[code] ?? [])].filter(
    (name) => !AMBIGUOUS.has(name),
  );
  const demonym = country.demonyms['eng']?.m;
  return {
    name: common,
    code,
    names: unique(names),
    ambiguousNames: ambiguous ? [common] : [],
    adjectives: unique([...(demonym ? [demonym] : []), ...(USUAL_ADJECTIVES[code] ?? [])]),
    // "Washington D.C." is "Washington" in most texts.
    capitals: unique(country.capital.flatMap((city) => [city, city.replace(/ D\.C\.$/, '')])),
    latitude: country.latlng[0],
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const BY_NAME = new Map(COUNTRIES.map((country) => [country.name, country]));
const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

/** The state of that short name ("United States"), or undefined. */
export function countryNamed(name: string): Country | undefined {
  return BY_NAME.get(name);
}

/** The state of that code ("US", "EU"), or undefined. */
export function countryOfCode(code: string): Country | undefined {
  return BY_CODE.get(code);
}
