import { findCoSigningCompany, findListedCompanies, findReportedCompany } from './company-names';

const coSigning = (line: string) => findCoSigningCompany([line], line);

describe('companies named without a legal form', () => {
  it('reads a company that signs or agrees with a state as its co-signer', () => {
    expect(
      coSigning(
        'Harrowgate Metals and the government of Kazakhstan signed an agreement on Friday.',
      ),
    ).toEqual({ government: 'Kazakhstan', company: 'Harrowgate Metals' });
    expect(coSigning('Talbrook Copper and Mongolia agree power plan')).toEqual({
      government: 'Mongolia',
      company: 'Talbrook Copper',
    });
    expect(coSigning('Peru and Quenta Andina have signed a royalty accord.')).toEqual({
      government: 'Peru',
      company: 'Quenta Andina',
    });
    expect(coSigning('The pact between Chile and Velamar was signed in March.')).toEqual({
      government: 'Chile',
      company: 'Velamar',
    });
  });

  it('leaves out the words put before the name', () => {
    expect(coSigning('On Tuesday Harrowgate Metals and Mongolia signed a deal.')?.company).toBe(
      'Harrowgate Metals',
    );
  });

  it('takes no person, state, state body or common word for a company', () => {
    expect(coSigning('President Okafor and Japan signed a partnership.')).toBeNull();
    expect(coSigning('Prime Minister Lindqvist and Korea agreed to meet.')).toBeNull();
    expect(coSigning('Ontario and Japan signed a partnership.')).toBeNull();
    expect(coSigning('Korea and Japan signed a partnership.')).toBeNull();
    expect(coSigning('Jordan and Peru signed a partnership.')).toBeNull();
    expect(coSigning('The Ministry of Copper and Mongolia signed a protocol.')).toBeNull();
    expect(coSigning('Officials and Mongolia signed a protocol.')).toBeNull();
    // A headline set in title case: its words are the text's common words.
    const headline = 'Lithium Miners and Chile Sign Royalty Pact';
    expect(
      findCoSigningCompany([headline], `${headline}\nChile and the lithium miners signed a pact.`),
    ).toBeNull();
  });

  it('takes a company and a state only where the text says they made an agreement', () => {
    expect(
      coSigning('Harrowgate Metals and Kazakhstan are both exposed to zinc prices.'),
    ).toBeNull();
  });

  it('reads companies by their stock listings, without them', () => {
    expect(
      findListedCompanies(
        'PERTH, 10 November 2026 - Yarrabee Lithium (ASX: YBL) and Corvid Graphite (TSX-V: CVG) today announced a merger.',
      ),
    ).toEqual(['Yarrabee Lithium', 'Corvid Graphite']);
    expect(findListedCompanies('The index (Note: see below) rose.')).toEqual([]);
  });

  it('reads a listed name from its own line, not with the end of a headline above it', () => {
    expect(
      findListedCompanies(
        'Offer for Brightwater Nickel Project\n\nMarlow Metals (ASX: MML) will bid.',
      ),
    ).toEqual(['Marlow Metals']);
  });

  it('reads the subject of what "the company" says as a company', () => {
    expect(
      findReportedCompany(
        'LIMA, Nov 30 - Quenta Andina will invest $1.2 billion in a copper smelter, the company said on Monday.',
      ),
    ).toBe('Quenta Andina');
    expect(
      findReportedCompany(
        'Corvid Graphite to build Nevada plant\nCorvid Graphite will build an anode plant by 2027, the company said.',
      ),
    ).toBe('Corvid Graphite');
    // A state's people, or a subject that is no name.
    expect(
      findReportedCompany('President Okafor will visit the mine in May, the company said.'),
    ).toBeNull();
    expect(findReportedCompany('The smelter will open in 2028, the company said.')).toBeNull();
  });
});
