/**
 * Agreements whose milestones the test knows in advance: each is signed on a date long past and
 * states a few deadlines counted in days from the signing, so each deadline is one milestone,
 * already overdue, whose overdue alert fires at once. Invented parties and a paragraph of words
 * drawn at random make every document its own deal: neither duplicate detection nor deal linking
 * folds two of them together, as it would near-copies.
 */
export interface KnownAgreement {
  text: string;
  /** The due dates of its commitments, one milestone (and one overdue alert) each. */
  dueDates: string[];
}

const DAY_MS = 86_400_000;
const SYLLABLES = ['ka', 'lo', 'mer', 'ti', 'van', 'dor', 'sel', 'ru', 'bai', 'no', 'qua', 'zen'];
const WORDS = (
  'harbour grain cobalt railway tariff vaccine fishery bauxite turbine lithium copper rice ' +
  'corridor pipeline satellite textile coffee cocoa timber nickel wheat fertiliser port customs ' +
  'visa aviation broadband hydrogen solar wind geothermal dairy cotton sugar tea rubber salt ' +
  'bridge dam canal school clinic laboratory archive museum forest wetland coast river valley'
).split(' ');
const ACTIONS = [
  'hold a joint review meeting',
  'publish a report on implementation',
  'exchange the lists of designated authorities',
  'notify the secretariat of the contact points',
  'submit a plan for the pilot projects',
];

/** A small deterministic generator, so a failing run can be replayed document for document. */
function random(seed: number): () => number {
  let state = (seed + 1) * 2654435761 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function nameOf(next: () => number): string {
  const length = 2 + Math.floor(next() * 2);
  const word = Array.from({ length }, () => pick(next, SYLLABLES)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function longDate(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The `index`th agreement of a run whose documents are told apart by `runTag`. */
export function knownAgreement(runTag: string, index: number): KnownAgreement {
  const next = random(index);
  const [first, second] = [nameOf(next), nameOf(next)];
  const signed = new Date(Date.UTC(2023, 0, 5) + Math.floor(next() * 500) * DAY_MS);
  const deadlines = 1 + Math.floor(next() * 2);
  const commitments = ACTIONS.slice(0, deadlines).map((action, i) => ({
    action,
    days: 30 * (i + 1) + Math.floor(next() * 20),
  }));
  const words = Array.from({ length: 60 }, () => pick(next, WORDS));
  const paragraph = `The cooperation covers ${words.join(' ')}.`;
  const sentences = commitments.map(
    ({ action, days }) => `The two governments will ${action} within ${days} days of the signing.`,
  );
  return {
    text: [
      `date ${signed.toISOString().slice(0, 10)} https://chaos.example/${runTag}/${index}`,
      `Agreement between ${first} and ${second} on ${words[0]} and ${words[1]}`,
      `The parties signed the agreement on ${longDate(signed)}.`,
      paragraph,
      ...sentences,
    ].join('\n\n'),
    dueDates: commitments.map(({ days }) =>
      new Date(signed.getTime() + days * DAY_MS).toISOString().slice(0, 10),
    ),
  };
}
