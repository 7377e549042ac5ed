import { fingerprintOf, lookupKeys, sameDeal } from './deal-fingerprint';
import { dateHints, namedOrganisations, principalParties } from './deal-signals';
import { estimateSimilarity } from './minhash';

const official = `United States-Japan Framework for Securing the Supply of Critical Minerals.
The United States and Japan intend to provide financing within six months to priority projects in
mining and processing of critical minerals and rare earths. Signed in Tokyo on October 28, 2025.
The United States and Japan will hold a ministerial meeting within 180 days.`;

describe('principalParties', () => {
  it('takes the states a text names at least twice, under any of their names', () => {
    expect(
      principalParties('The U.S. and Japan agree. Japan and the United States will meet.'),
    ).toEqual(['Japan', 'United States']);
  });

  it('ignores a state named once, and the pronoun "us"', () => {
    expect(
      principalParties('Join us. Japan signed, as Thailand did. Japan will report to us.'),
    ).toEqual(['Japan']);
  });

  it('knows every state, not only those of the deals seen so far', () => {
    expect(
      principalParties('Chile and the Republic of Peru signed. Peru and Chile will meet.'),
    ).toEqual(['Chile', 'Peru']);
  });

  it('reads "North Korea" as one state, not as Korea', () => {
    expect(principalParties('North Korea said so. North Korea denied it.')).toEqual([
      'North Korea',
    ]);
  });

  it('does not take a name that is also a US state for the country', () => {
    expect(principalParties('Atlanta, Georgia: the Georgia plant and Japan. Japan too.')).toEqual([
      'Japan',
    ]);
  });
});

describe('namedOrganisations', () => {
  it('reads companies by their legal form, in any case and either spelling', () => {
    expect(
      namedOrganisations(
        'BETWEEN HEDDON SEPARATION TECHNOLOGIES LIMITED and Coldwater Magnet Works, Inc. ' +
          '(the "Buyer"); Heddon Separation Technologies Ltd. shall deliver.',
      ),
    ).toEqual(['coldwater magnet works inc', 'heddon separation technologies ltd']);
  });

  it('keeps an ampersand inside a name and no sentence words before it', () => {
    expect(namedOrganisations('Wexley & Prior LLP is acting as counsel to Ardent plc.')).toEqual([
      'ardent plc',
      'wexley & prior llp',
    ]);
  });

  it('reads the first 200 legal forms only, so that a text of nothing else costs little', () => {
    expect(namedOrganisations(`${'Acme Ltd. '.repeat(200)}Zenith Corp.`)).toEqual(['acme ltd']);
    expect(namedOrganisations(`${'Acme Ltd. '.repeat(199)}Zenith Corp.`)).toContain('zenith corp');
  });

  it('does not take a defined term or a word that only starts like a legal form', () => {
    expect(namedOrganisations('The Company shall notify Acme Co-operative Society.')).toEqual([]);
  });
});

describe('dateHints', () => {
  it('reads ISO and written dates, and skips impossible ones', () => {
    expect(dateHints('On 2025-10-28 (October 27, 2025 in Washington; Feb 30, 2025)')).toEqual([
      '2025-10-27',
      '2025-10-28',
    ]);
  });
});

/** A supplier's standard contract, signed with `counterparty`. */
function modelContract(counterparty: string): string {
  return `MUTUAL NON-DISCLOSURE AGREEMENT between Acme Analytics, Inc. and ${counterparty}.
Each party may disclose confidential information to the other in connection with the evaluation
of a possible supply arrangement for rare earth oxides. The receiving party shall keep the
information confidential, use it only for that evaluation, and return or destroy it within thirty
days of a written request. These obligations continue for three years after the date of this
agreement. Acme Analytics, Inc. and ${counterparty} sign it on the date written below.`;
}

/** The wording two texts share, as linking estimates it. */
function estimatedSimilarity(a: string, b: string): number {
  return estimateSimilarity(fingerprintOf(a).textSignature, fingerprintOf(b).textSignature);
}

describe('sameDeal', () => {
  it('links a copy with a changed headline as a near duplicate', () => {
    const copy = `BREAKING: minerals deal\n\n${official}`;
    const reason = sameDeal(fingerprintOf(copy), fingerprintOf(official));
    expect(reason?.similarity).toBeGreaterThan(0.5);
  });

  it('links a report in other words to the official text by parties, date and subject', () => {
    const report = `Japan and the United States signed a critical minerals framework in Tokyo on
2025-10-28. Under the deal Japan and the US will finance mining and processing projects for rare
earths within six months, and ministers will meet within 180 days.`;
    const reason = sameDeal(fingerprintOf(report), fingerprintOf(official));
    expect(reason?.sharedSignals).toEqual(
      expect.arrayContaining(['parties: Japan, United States', 'date: 2025-10-28']),
    );
  });

  it('does not link the same parties signing something else months apart', () => {
    const other = `Japan and the United States signed a shipbuilding accord on March 3, 2026. Japan
and the US will build vessels together.`;
    expect(sameDeal(fingerprintOf(other), fingerprintOf(official))).toBeNull();
  });

  it('does not link one model text signed by other parties, however alike the wording', () => {
    const withRwanda = official.replaceAll('Japan', 'Rwanda');
    const withUruguay = official.replaceAll('Japan', 'Uruguay');
    expect(estimatedSimilarity(withRwanda, withUruguay)).toBeGreaterThan(0.5);
    expect(sameDeal(fingerprintOf(withUruguay), fingerprintOf(withRwanda))).toBeNull();
  });

  it('links a near copy that names one more state than the stored text', () => {
    const withAside = `${official}\nAustralia signed a similar framework; Australia will join talks.`;
    expect(fingerprintOf(withAside).parties).toEqual(['Australia', 'Japan', 'United States']);
    expect(sameDeal(fingerprintOf(withAside), fingerprintOf(official))).not.toBeNull();
    expect(sameDeal(fingerprintOf(official), fingerprintOf(withAside))).not.toBeNull();
  });

  it('does not link one model contract signed with another counterparty', () => {
    const withBorealis = modelContract('Borealis Mining Ltd');
    const withCobalt = modelContract('Cobalt Ridge Pty Ltd');
    expect(estimatedSimilarity(withBorealis, withCobalt)).toBeGreaterThan(0.5);
    expect(sameDeal(fingerprintOf(withCobalt), fingerprintOf(withBorealis))).toBeNull();
  });

  it('links a near copy of a contract naming the same companies', () => {
    const contract = modelContract('Borealis Mining Ltd');
    const copy = `EXECUTION VERSION\n\n${contract}`;
    expect(sameDeal(fingerprintOf(copy), fingerprintOf(contract))).not.toBeNull();
  });

  it('links near copies by wording alone against a fingerprint stored without companies', () => {
    const contract = modelContract('Borealis Mining Ltd');
    const { organisations: _, ...storedBefore } = fingerprintOf(modelContract('Cobalt Ridge Ltd'));
    expect(sameDeal(fingerprintOf(contract), storedBefore)).not.toBeNull();
  });

  it('indexes a fingerprint under its bands and its parties', () => {
    const keys = lookupKeys(fingerprintOf(official));
    expect(keys).toHaveLength(33);
    expect(keys).toContain('parties:Japan|United States');
  });
});
