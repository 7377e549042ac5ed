/**
 * A province, state or territory of a federation whose government signs agreements of its own
 * with states and companies ("the Province of British Columbia and the Government of Japan").
 */
export interface Region {
  /** The name DealWatch reports: "British Columbia", "Western Australia". */
  readonly name: string;
  /** Other spellings of the name ("Québec"). */
  readonly aliases: readonly string[];
  /** ISO 3166-1 alpha-2 code of the state the region belongs to. */
  readonly country: string;
  /** What its government calls it: "the Province", "the State", "the Territory". */
  readonly kind: 'province' | 'state' | 'territory';
  /**
   * Also a city, a state or a person ("Victoria", "New York", "Washington"): the region only where
   * the text says it means the government ("the State of Victoria").
   */
  readonly ambiguous: boolean;
}

type Entry = readonly [name: string, kind: Region['kind'], ...aliases: string[]];

const CANADA: readonly Entry[] = [
  ['Alberta', 'province'],
  ['British Columbia', 'province'],
  ['Manitoba', 'province'],
  ['New Brunswick', 'province'],
  ['Newfoundland and Labrador', 'province'],
  ['Nova Scotia', 'province'],
  ['Ontario', 'province'],
  ['Prince Edward Island', 'province'],
  ['Quebec', 'province', 'Québec'],
  ['Saskatchewan', 'province'],
  ['Northwest Territories', 'territory'],
  ['Nunavut', 'territory'],
  ['Yukon', 'territory'],
];

const AUSTRALIA: readonly Entry[] = [
  ['New South Wales', 'state'],
  ['Queensland', 'state'],
  ['South Australia', 'state'],
  ['Tasmania', 'state'],
  ['Victoria', 'state'],
  ['Western Australia', 'state'],
  ['Australian Capital Territory', 'territory'],
  ['Northern Territory', 'territory'],
];

const UNITED_STATES: readonly Entry[] = [
  'Alabama',
  'Alaska',
  'Arizona',
  'Arkansas',
  'California',
  'Colorado',
  'Connecticut',
  'Delaware',
  'Florida',
  'Georgia',
  'Hawaii',
  'Idaho',
  'Illinois',
  'Indiana',
  'Iowa',
  'Kansas',
  'Kentucky',
  'Louisiana',
  'Maine',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Mississippi',
  'Missouri',
  'Montana',
  'Nebraska',
  'Nevada',
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Ohio',
  'Oklahoma',
  'Oregon',
  'Pennsylvania',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'Tennessee',
  'Texas',
  'Utah',
  'Vermont',
  'Virginia',
  'Washington',
  'West Virginia',
  'Wisconsin',
  'Wyoming',
].map((name) => [name, 'state'] as const);

/** Names that are also a sovereign state, a capital or a city of the same name. */
const AMBIGUOUS = new Set(['Victoria', 'Georgia', 'New York', 'Washington']);

function regionsOf(country: string, entries: readonly Entry[]): Region[] {
  return entries.map(([name, kind, ...aliases]) => ({
    name,
    aliases,
    country,
    kind,
    ambiguous: AMBIGUOUS.has(name),
  }));
}

export const REGIONS: readonly Region[] = [
  ...regionsOf('CA', CANADA),
  ...regionsOf('AU', AUSTRALIA),
  ...regionsOf('US', UNITED_STATES),
];

const BY_NAME = new Map(
  REGIONS.flatMap((region) => [region.name, ...region.aliases].map((name) => [name, region])),
);

/** The region of that name or alias ("Québec"), or undefined. */
export function regionNamed(name: string): Region | undefined {
  return BY_NAME.get(name);
}
