import {
  findAnnouncedParties,
  findAwardRecipient,
  findCompanyParties,
  findContractingCompanies,
  findCountryParties,
} from './parties';
import { splitLines } from './sentences';

const companies = (text: string) => findCompanyParties(text, splitLines(text));

describe('parties', () => {
  it('reads legal names before their defined short names', () => {
    expect(
      companies(
        '(1) HEDDON SEPARATION TECHNOLOGIES LIMITED, a company incorporated in England and Wales, whose registered office is at Unit 4 (the "Licensor"); and\n(2) NORRLAND MAGNET RECYCLING AB, a company incorporated in Sweden (the "Licensee").',
      ),
    ).toEqual(['Heddon Separation Technologies Limited', 'Norrland Magnet Recycling AB']);
  });

  it('reads a legal name that a sentence leads up to, before its short name', () => {
    expect(
      companies(
        'This letter sets out the terms on which Seoul Anode Materials Co., Ltd. ("SAM") proposes to acquire an interest from Tanzania Graphite Resources Ltd ("TGR").',
      ),
    ).toEqual(['Seoul Anode Materials Co., Ltd.', 'Tanzania Graphite Resources Ltd']);
  });

  it('reads a short name given "hereinafter", and a Peruvian S.A.C. whole', () => {
    expect(
      companies(
        'appear SALAR VERDE LITIO SpA (hereinafter "the Contractor"), and Quebrada Negra Mining S.A.C. (the "Owner").',
      ),
    ).toEqual(['SALAR VERDE LITIO SpA', 'Quebrada Negra Mining S.A.C.']);
  });

  it('takes no state from its language or its law', () => {
    expect(
      findCountryParties([
        'Chile contract. In case of discrepancy the Spanish text shall prevail.',
      ]),
    ).toEqual(['Chile']);
    expect(findCountryParties(['Japan agreement, governed by English law'])).toEqual(['Japan']);
  });

  it('reads a party named with the capacity it signs in ("as agent")', () => {
    expect(
      companies(
        'This Agreement is dated 1 June 2027 and made between:\n(1) ORSINO SHIPPING LIMITED (the "Borrower"); and\n(2) HALDEN BANK ASA as facility agent (the "Agent").',
      ),
    ).toEqual(['Orsino Shipping Limited', 'Halden Bank ASA']);
    expect(
      companies(
        'between Orsino Shipping Limited (the "Borrower") and Fjordline Trust Bank acting as security trustee (the "Security Trustee").',
      ),
    ).toEqual(['Orsino Shipping Limited', 'Fjordline Trust Bank']);
  });

  it('reads a public body as a party, and a name wrapped over two lines whole', () => {
    expect(
      companies(
        'Grant Agreement dated 2 December 2024 between the Department for\nEnergy Security and Net Zero ("the Funder") and Cornish Lithium\nFutures Limited ("the Grantee") for the Project.',
      ),
    ).toEqual(['Department for Energy Security and Net Zero', 'Cornish Lithium Futures Limited']);
  });

  it('reads facility-agreement parties written as "NAME / as Borrower"', () => {
    expect(
      companies(
        'between\n\nKESTREL BAY LITHIUM CORP.\nas Borrower\n\nand\n\nOSTRANDER BANK\nas Lender',
      ),
    ).toEqual(['Kestrel Bay Lithium Corp.', 'Ostrander Bank']);
  });

  it('reads the two companies a press release says made an agreement, without their listings', () => {
    expect(
      findAnnouncedParties(
        'DENVER, Feb. 9, 2027 /PRNewswire/ -- Orion Minerals Corp. (NYSE: ORM) and Silverlake Resources Ltd. (ASX: SLR) today announced that they have entered into a definitive agreement.',
      ),
    ).toEqual(['Orion Minerals Corp.', 'Silverlake Resources Ltd.']);
    expect(
      findAnnouncedParties(
        'MONTREAL, Feb. 3, 2026 /PRNewswire/ -- Boreal Nickel Corp. (TSX: BNC) ("Boreal") and Kestrel Battery Materials Inc. ("Kestrel") today announced that they have signed a definitive agreement.',
      ),
    ).toEqual(['Boreal Nickel Corp.', 'Kestrel Battery Materials Inc.']);
    expect(
      findAnnouncedParties('Halvorsen Group and Mistral Energy SA have signed a supply agreement.'),
    ).toEqual(['Halvorsen Group', 'Mistral Energy SA']);
    // Names without a legal form, or no agreement announced: nothing read.
    expect(findAnnouncedParties('Orion and Silverlake today announced a merger.')).toEqual([]);
    expect(
      findAnnouncedParties('Orion Minerals Corp. and Silverlake Resources Ltd. are miners.'),
    ).toEqual([]);
  });

  it('reads the two companies a parties clause names without short names for them', () => {
    expect(
      findContractingCompanies(
        'This Agreement is made on 10 January 2026 between Alpha Minerals Pty Ltd, an Australian company, and Beta Magnets, Inc., a Delaware corporation.',
      ),
    ).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
    expect(findContractingCompanies('A dispute between Alpha and Beta Magnets, Inc.')).toEqual([]);
  });

  it('reads the company a government makes an award to', () => {
    expect(
      findAwardRecipient(
        'DFC today announced a $50 million loan to Mirador Lithium Corp. for a mine.',
      ),
    ).toBe('Mirador Lithium Corp.');
    expect(
      findAwardRecipient('The Department awarded two grants to Coastal Refining LLC (NYSE: CRL).'),
    ).toBe('Coastal Refining LLC');
    // A company that only announces, or an award to no company: nothing read.
    expect(
      findAwardRecipient('EXIM approved a $400 million loan to Syrah Mozambique Lda for a mine.'),
    ).toBe('Syrah Mozambique Lda');
    expect(findAwardRecipient('Mirador Lithium Corp. today announced record output.')).toBeNull();
    expect(findAwardRecipient('The Department announced a grant to local schools.')).toBeNull();
  });

  it('folds country aliases and reads "Government of the Republic of X"', () => {
    expect(findCountryParties(['US, Japan Sign Framework Deal'])).toEqual([
      'United States',
      'Japan',
    ]);
    expect(
      findCountryParties([
        'Agreement between the Government of the Republic of Norvania and the Government of the Kingdom of Esterland',
      ]),
    ).toEqual(['Norvania', 'Esterland']);
  });

  it.each([
    'Development Bank Signs Loan for Rural Roads\nWASHINGTON, March 3, 2027 - The Bank approved a loan today.',
    'Staff Concludes Visit\nWashington, DC - February 9, 2027: A staff team concluded its visit.',
    'Ministers Meet on Tariffs\nTOKYO (Reuters) - Trade ministers met today.',
    'Lenders Agree Terms\nLONDON, 4 Feb. 2027 - The lenders agreed the terms.',
  ])('takes no state from the capital a report is filed in ("%s")', (text) => {
    expect(findCountryParties(text.split('\n'))).toEqual([]);
  });

  it('takes no state from a dateline that names the city and its state', () => {
    expect(
      findCountryParties([
        'Bank Approves Loan for Coastal Roads',
        'MANILA, PHILIPPINES (14 April 2027) — The Bank approved a loan to Norvania today.',
      ]),
    ).toEqual([]);
  });

  it('takes two states that a headline joins by a dash', () => {
    expect(findCountryParties(['Tokyo – Canberra talks end with a supply deal'])).toEqual([
      'Japan',
      'Australia',
    ]);
    expect(findCountryParties(['Manila, Philippines to host the ministers'])).toEqual([
      'Philippines',
    ]);
  });

  it('still takes a capital that acts at the start of a line as its state', () => {
    expect(
      findCountryParties(['Canberra and Tokyo - a new partnership', 'Tokyo said it would invest.']),
    ).toEqual(['Australia', 'Japan']);
  });

  it.each([
    'AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF NORVANIA AND THE GOVERNMENT OF THE KINGDOM OF ESTERLAND ON AIR SERVICES',
    'TRADE AGREEMENT BETWEEN THE REPUBLIC OF NORVANIA AND THE KINGDOM OF ESTERLAND',
    'Partnership Agreement between the Republic of Norvania and the Kingdom of Esterland',
  ])('reads the two states a title in capitals or by their forms names ("%s")', (title) => {
    expect(findCountryParties([title])).toEqual(['Norvania', 'Esterland']);
  });

  it('reads no state from a republic named outside a title of two', () => {
    expect(findCountryParties(['Exports to the Republic of Norvania rose.'])).toEqual([]);
  });

  it('takes a capital as a party only where it acts, not where it is a place', () => {
    expect(findCountryParties(['US sets quarterly talks with Kuala Lumpur'])).toEqual([
      'United States',
      'Malaysia',
    ]);
    expect(findCountryParties(['signing ceremony in Tokyo'])).toEqual([]);
  });

  it('takes no state from a capital that names an instrument or a meeting', () => {
    expect(
      findCountryParties(['We reaffirm our commitment to the Paris Agreement and will act']),
    ).toEqual([]);
    expect(
      findCountryParties(['We commit to the full implementation of the Addis Ababa Action Agenda']),
    ).toEqual([]);
    expect(findCountryParties(['Leaders endorsed the Lima Declaration on Minerals'])).toEqual([]);
    expect(findCountryParties(['Tokyo Pledges Support For Lithium Refinery'])).toEqual(['Japan']);
  });

  it('takes no state where something happens in it, but a state something goes to', () => {
    expect(
      findCountryParties(['DFC Announces Loan to Expand Graphite Production in Mozambique']),
    ).toEqual([]);
    expect(
      findCountryParties(['We look forward to meeting again in the United States in 2027']),
    ).toEqual([]);
    expect(findCountryParties(['Australia to supply rare earths to Japan'])).toEqual([
      'Australia',
      'Japan',
    ]);
  });

  it('knows every state, by its official name, its demonym or its capital', () => {
    expect(findCountryParties(['Chile and the Republic of Peru sign lithium accord'])).toEqual([
      'Chile',
      'Peru',
    ]);
    expect(findCountryParties(['Kenyan and Ethiopian ministers agree on a corridor'])).toEqual([
      'Kenya',
      'Ethiopia',
    ]);
    expect(findCountryParties(['Nairobi and Addis Ababa agree on a corridor'])).toEqual([
      'Kenya',
      'Ethiopia',
    ]);
  });

  it('reads the longest name, so North Korea is not South Korea', () => {
    expect(findCountryParties(['North Korea and Russia sign a pact'])).toEqual([
      'North Korea',
      'Russia',
    ]);
  });

  it('reads a title set in capitals, but not a common word written in lower case', () => {
    expect(findCountryParties(['AGREEMENT BETWEEN JAPAN AND TURKEY'])).toEqual([
      'Japan',
      'Türkiye',
    ]);
    expect(findCountryParties(['Let us buy a turkey for Japan'])).toEqual(['Japan']);
  });

  it('takes Georgia for the state only where the text says it means the government', () => {
    expect(findCountryParties(['a Georgia corporation and a Japan company'])).toEqual(['Japan']);
    expect(findCountryParties(['Government of Georgia and Japan sign'])).toEqual([
      'Georgia',
      'Japan',
    ]);
  });
});
