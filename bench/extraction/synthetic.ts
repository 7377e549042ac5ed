/** A long contract for timing: numbered clauses of the usual kinds, about 3,000 characters a page. */
const CLAUSES = [
  'Seller shall deliver the first Shipment of Product to Buyer no later than June 30, 2026.',
  'Buyer shall pay each undisputed invoice within thirty (30) days after receipt of the invoice.',
  'Seller shall deliver to Buyer quarterly reports within 45 days after the end of each fiscal quarter.',
  'The Licensee shall deliver a development plan within six (6) months of the Effective Date.',
  'A Party affected by a Force Majeure Event shall notify the other Party within five (5) Business Days after becoming aware of it.',
  'Either Party may terminate this Agreement by giving ninety (90) days written notice to the other Party.',
  '"Product" means neodymium-praseodymium oxide meeting the specifications set out in Schedule A.',
  'The Parties intend to convene a joint committee within 180 days of the signing of this Agreement.',
];

export function syntheticAgreement(pages: number): string {
  const parts = [
    'SUPPLY AGREEMENT',
    '',
    'This SUPPLY AGREEMENT is entered into as of the 15th day of January, 2026 (the "Effective Date"), by and between Alpha Minerals Inc. ("Seller") and Beta Magnets LLC ("Buyer").',
    '',
  ];
  let clause = 1;
  let length = 0;
  while (length < pages * 3000) {
    const line = `${Math.floor(clause / 10) + 1}.${clause % 10} ${CLAUSES[clause % CLAUSES.length] ?? ''}`;
    parts.push(line);
    length += line.length + 1;
    clause += 1;
  }
  return parts.join('\n');
}

/**
 * Degenerate texts, one phrase over and over: shapes that made the engine's work grow with the
 * square of their repeats (every date, commitment or time expression compared with every other),
 * a megabyte of dates taking 23 s. Timed by the benchmark; they should grow in step with size.
 */
export const REPEATED_PHRASES: Readonly<Record<string, string>> = {
  dates: 'on 1 March 2024, ',
  commitments: 'The parties will ',
  'scheduled events': 'the meeting which is scheduled for 1 May 2025, ',
  'relative deadlines': 'The Buyer shall pay within 30 days after the Closing Date. ',
  labels: 'Expiration Date: August 31, 2006\n',
  definitions: '"Term Date" means 1 March 2024.\n',
};

export function repeatedPhrase(phrase: string, length: number): string {
  return phrase.repeat(Math.ceil(length / phrase.length));
}
