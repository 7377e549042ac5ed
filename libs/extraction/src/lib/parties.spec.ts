import { findGovernmentParties, partiesNamedIn, regionCalledBy } from './governments';
import {
  findAnnouncedParties,
  findAwardRecipient,
  findCompanyParties,
  findContractingCompanies,
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

  it('reads a legal name whose stock listing comes before its short name', () => {
    expect(
      companies(
        'Marlow Metals Limited (ASX: MML) ("Marlow") has agreed with Penrith Nickel Pty Ltd ("Penrith") to buy the project.',
      ),
    ).toEqual(['Marlow Metals Limited', 'Penrith Nickel Pty Ltd']);
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
      findGovernmentParties([
        'Chile contract. In case of discrepancy the Spanish text shall prevail.',
      ]),
    ).toEqual(['Chile']);
    expect(findGovernmentParties(['Japan agreement, governed by English law'])).toEqual(['Japan']);
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
    expect(findGovernmentParties(['US, Japan Sign Framework Deal'])).toEqual([
      'United States',
      'Japan',
    ]);
    expect(
      findGovernmentParties([
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
    expect(findGovernmentParties(text.split('\n'))).toEqual([]);
  });

  it('takes no state from a dateline that names the city and its state', () => {
    expect(
      findGovernmentParties([
        'Bank Approves Loan for Coastal Roads',
        'MANILA, PHILIPPINES (14 April 2027) — The Bank approved a loan to Norvania today.',
      ]),
    ).toEqual([]);
  });

  it('takes two states that a headline joins by a dash', () => {
    expect(findGovernmentParties(['Tokyo – Canberra talks end with a supply deal'])).toEqual([
      'Japan',
      'Australia',
    ]);
    expect(findGovernmentParties(['Manila, Philippines to host the ministers'])).toEqual([
      'Philippines',
    ]);
  });

  it('still takes a capital that acts at the start of a line as its state', () => {
    expect(
      findGovernmentParties([
        'Canberra and Tokyo - a new partnership',
        'Tokyo said it would invest.',
      ]),
    ).toEqual(['Australia', 'Japan']);
  });

  it.each([
    'AGREEMENT BETWEEN THE GOVERNMENT OF THE REPUBLIC OF NORVANIA AND THE GOVERNMENT OF THE KINGDOM OF ESTERLAND ON AIR SERVICES',
    'TRADE AGREEMENT BETWEEN THE REPUBLIC OF NORVANIA AND THE KINGDOM OF ESTERLAND',
    'Partnership Agreement between the Republic of Norvania and the Kingdom of Esterland',
  ])('reads the two states a title in capitals or by their forms names ("%s")', (title) => {
    expect(findGovernmentParties([title])).toEqual(['Norvania', 'Esterland']);
  });

  it('reads no state from a republic named outside a title of two', () => {
    expect(findGovernmentParties(['Exports to the Republic of Norvania rose.'])).toEqual([]);
  });

  it('takes a capital as a party only where it acts, not where it is a place', () => {
    expect(findGovernmentParties(['US sets quarterly talks with Kuala Lumpur'])).toEqual([
      'United States',
      'Malaysia',
    ]);
    expect(findGovernmentParties(['signing ceremony in Tokyo'])).toEqual([]);
  });

  it('takes no state from a capital that names an instrument or a meeting', () => {
    expect(
      findGovernmentParties(['We reaffirm our commitment to the Paris Agreement and will act']),
    ).toEqual([]);
    expect(
      findGovernmentParties([
        'We commit to the full implementation of the Addis Ababa Action Agenda',
      ]),
    ).toEqual([]);
    expect(findGovernmentParties(['Leaders endorsed the Lima Declaration on Minerals'])).toEqual(
      [],
    );
    expect(findGovernmentParties(['Tokyo Pledges Support For Lithium Refinery'])).toEqual([
      'Japan',
    ]);
  });

  it('takes no state where something happens in it, but a state something goes to', () => {
    expect(
      findGovernmentParties(['DFC Announces Loan to Expand Graphite Production in Mozambique']),
    ).toEqual([]);
    expect(
      findGovernmentParties(['We look forward to meeting again in the United States in 2027']),
    ).toEqual([]);
    expect(findGovernmentParties(['Australia to supply rare earths to Japan'])).toEqual([
      'Australia',
      'Japan',
    ]);
  });

  it('knows every state, by its official name, its demonym or its capital', () => {
    expect(findGovernmentParties(['Chile and the Republic of Peru sign lithium accord'])).toEqual([
      'Chile',
      'Peru',
    ]);
    expect(findGovernmentParties(['Kenyan and Ethiopian ministers agree on a corridor'])).toEqual([
      'Kenya',
      'Ethiopia',
    ]);
    expect(findGovernmentParties(['Nairobi and Addis Ababa agree on a corridor'])).toEqual([
      'Kenya',
      'Ethiopia',
    ]);
  });

  it('reads the longest name, so North Korea is not South Korea', () => {
    expect(findGovernmentParties(['North Korea and Russia sign a pact'])).toEqual([
      'North Korea',
      'Russia',
    ]);
  });

  it('reads a title set in capitals, but not a common word written in lower case', () => {
    expect(findGovernmentParties(['AGREEMENT BETWEEN JAPAN AND TURKEY'])).toEqual([
      'Japan',
      'Türkiye',
    ]);
    expect(findGovernmentParties(['Let us buy a turkey for Japan'])).toEqual(['Japan']);
  });

  it('takes Georgia for the state only where the text says it means the government', () => {
    expect(findGovernmentParties(['a Georgia corporation and a Japan company'])).toEqual(['Japan']);
    expect(findGovernmentParties(['Government of Georgia and Japan sign'])).toEqual([
      'Georgia',
      'Japan',
    ]);
  });

  it('reads a province or a state of a federation named as its government as a party', () => {
    expect(
      findGovernmentParties([
        'Memorandum between the Province of British Columbia and the Government of Japan',
      ]),
    ).toEqual(['British Columbia', 'Japan']);
    expect(
      findGovernmentParties(['the State of Queensland and the Republic of Korea agreed']),
    ).toEqual(['Queensland', 'South Korea']);
    expect(
      findGovernmentParties(['the Government of the Province of Nova Scotia will host the talks']),
    ).toEqual(['Nova Scotia']);
    expect(findGovernmentParties(['The Ontario government will fund the line'])).toEqual([
      'Ontario',
    ]);
  });

  it('reads a region named with another government as a party, not its country', () => {
    expect(findGovernmentParties(['Western Australia and Korea sign a partnership'])).toEqual([
      'Western Australia',
      'South Korea',
    ]);
    expect(findGovernmentParties(['Japan and Ontario sign EV battery deal'])).toEqual([
      'Japan',
      'Ontario',
    ]);
  });

  it('invents no state from the name of a region, even one not taken as a party', () => {
    expect(findGovernmentParties(['a British Columbia copper mine'])).toEqual([]);
    expect(findGovernmentParties(['a lithium project in South Australia for Japan'])).toEqual([
      'Japan',
    ]);
    expect(findGovernmentParties(['a New Mexico company'])).toEqual([]);
  });

  it('takes a region named alone, as a place or as a law for no party', () => {
    expect(findGovernmentParties(['a Nevada lithium project'])).toEqual([]);
    expect(findGovernmentParties(['Japan will fund a smelter in Ontario and Quebec'])).toEqual([
      'Japan',
    ]);
    expect(
      findGovernmentParties(['governed by the laws of the Province of Ontario, and Japan']),
    ).toEqual(['Japan']);
    expect(
      findGovernmentParties(['a company incorporated in the State of Delaware and Japan']),
    ).toEqual(['Japan']);
  });

  it('takes a region that is also a capital or a city for one only where its government is meant', () => {
    expect(findGovernmentParties(['Washington and Tokyo agreed on tariffs'])).toEqual([
      'United States',
      'Japan',
    ]);
    expect(findGovernmentParties(['New York and Japan'])).toEqual(['Japan']);
    expect(findGovernmentParties(['the State of Victoria and Japan signed'])).toEqual([
      'Victoria',
      'Japan',
    ]);
  });

  it('names a state party by any of its names, in a phrase as short as a name', () => {
    const parties = ['Queensland', 'South Korea'];
    expect(partiesNamedIn('The State of Queensland and the Republic of Korea', parties)).toEqual(
      parties,
    );
    expect(partiesNamedIn('The US Department of Energy', ['United States'])).toEqual([
      'United States',
    ]);
    // A demonym names the state's people and companies too.
    expect(partiesNamedIn('American companies', ['United States'])).toEqual([]);
    // A long subject is a clause, whose states are not the ones acting.
    expect(
      partiesNamedIn(
        'or unless a new Agreement is signed between the USA Distributor and its Licensor which',
        ['United States'],
      ),
    ).toEqual([]);
  });

  it('names the one region of its kind among the parties as "the Province" or "the State"', () => {
    expect(regionCalledBy('Province', ['British Columbia', 'Japan'])).toBe('British Columbia');
    expect(regionCalledBy('State Government', ['Queensland', 'South Korea'])).toBe('Queensland');
    // No province among the parties, or two.
    expect(regionCalledBy('State', ['Chile', 'Salar Verde Litio SpA'])).toBeNull();
    expect(regionCalledBy('Province', ['Ontario', 'Quebec'])).toBeNull();
  });

  it("takes no state from a demonym naming the state's companies", () => {
    expect(
      findGovernmentParties(['Ostlund Tsusho, a Japanese trading house, and Argentina agree']),
    ).toEqual(['Argentina']);
    expect(findGovernmentParties(['Korean carmakers and Chinese miners in Peru'])).toEqual([]);
    // Its people and its government still name it.
    expect(findGovernmentParties(['Japanese and Korean officials met'])).toEqual([
      'Japan',
      'South Korea',
    ]);
  });

  it('takes a region where goods come from, or whose companies are meant, for no party', () => {
    expect(
      findGovernmentParties(['Japan will import coal from New South Wales and Queensland']),
    ).toEqual(['Japan']);
    expect(findGovernmentParties(['Western Australia and Queensland miners will expand'])).toEqual(
      [],
    );
  });
});
