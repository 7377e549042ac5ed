import { extractAgreement } from './extract-agreement';

// A page in the shape of the seed: metadata line, repeated headline, weekday signing, boilerplate.
const PAGE = [
  ' date 2025-10-28 https://example.org/20251028/us-japan-sign-framework.html',
  '',
  'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals',
  '',
  'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals',
  '',
  'US President Donald Trump and Japanese Prime Minister Sanae Takaichi signed on Tuesday a framework agreement.',
  '',
  '2025-10-28T04:44+0000',
  '',
  'https://cdn.example.org/img/1.jpg',
  '',
  'The two countries will jointly select priority projects, provide financing within six months, and create new mechanisms to attract private investment, the agreement read. A bilateral ministerial meeting is scheduled within 180 days to set investment priorities, while both nations aim to simplify and speed up the permitting process for mining and processing. Cooperation will also cover joint geological mapping, establishing a Rapid Response Group to address supply vulnerabilities, and exploring complementary stockpiling strategies, the agreement said.',
  '',
  'Example News feedback@example.org +100000',
].join('\n');

describe('extractAgreement on a news page', () => {
  const result = extractAgreement(PAGE);
  const find = (words: string) => result.obligations.find((o) => o.text.includes(words));

  it('reads the document facts', () => {
    expect(result.title).toBe(
      'US, Japan Sign Framework Deal to Secure Supply of Critical Minerals',
    );
    expect(result.publishedAt).toBe('2025-10-28');
    // "signed on Tuesday" in a page dated Tuesday 28 October 2025.
    expect(result.signedAt).toBe('2025-10-28');
    expect(result.parties).toEqual(['United States', 'Japan']);
  });

  it('resolves "within six months" from the signing, clamping nothing', () => {
    const financing = find('provide financing');
    expect(financing?.deadline).toMatchObject({
      expression: 'within six months',
      dueDate: '2026-04-28',
      duration: 'P6M',
      relation: 'after',
      anchor: { type: 'signing' },
    });
    expect(financing?.binding).toBe(false);
  });

  it('resolves "within 180 days" from the signing', () => {
    expect(find('ministerial meeting')?.deadline).toMatchObject({
      dueDate: '2026-04-26',
      duration: 'P180D',
    });
    expect(find('ministerial meeting')?.category).toBe('meeting');
  });

  it('finds the undated commitments as separate obligations', () => {
    expect(find('permitting process')?.category).toBe('permitting');
    expect(find('geological mapping')?.category).toBe('mapping');
    expect(find('Rapid Response Group')?.category).toBe('body-establishment');
    expect(find('stockpiling strategies')?.category).toBe('stockpiling');
    expect(find('stockpiling strategies')?.deadline).toBeNull();
  });

  it('keeps page boilerplate out and spans exact', () => {
    for (const o of result.obligations) {
      expect(PAGE.slice(o.span[0], o.span[1])).toBe(o.text);
      expect(o.text).not.toMatch(/example\.org|2025-10-28T/);
    }
  });
});

describe('extractAgreement on two parties committing in one sentence', () => {
  const result = extractAgreement(
    'On 28 October 2025 the United States and Japan signed a framework on critical minerals. ' +
      'Japan will provide financing within six months and the United States will hold a bilateral ministerial meeting within 180 days.',
  );

  it("reads each party's commitment with its own deadline", () => {
    expect(
      result.obligations.map((o) => [o.actors, o.action, o.deadline?.dueDate ?? null]),
    ).toEqual([
      [['Japan'], 'provide financing', '2026-04-28'],
      [['United States'], 'hold a bilateral ministerial meeting', '2026-04-26'],
    ]);
  });
});

describe('extractAgreement on a press release of a merger', () => {
  const result = extractAgreement(
    'DENVER, Feb. 9, 2027 /PRNewswire/ -- Orion Minerals Corp. (NYSE: ORM) and Silverlake Resources Ltd. (ASX: SLR) today announced that they have entered into a definitive agreement. ' +
      'Silverlake will hold a shareholder meeting within 90 days.',
  );

  it('names the companies as parties and actors', () => {
    expect(result.parties).toEqual(['Orion Minerals Corp.', 'Silverlake Resources Ltd.']);
    expect(result.obligations.map((o) => o.actors)).toEqual([['Silverlake Resources Ltd.']]);
  });
});

describe('extractAgreement on a contract wrapped at a width, as a filing or a PDF is', () => {
  const result = extractAgreement(
    [
      'This Agreement is made on 10 January 2026 between Alpha Minerals Pty Ltd ("Seller") and',
      'Beta Magnets, Inc. ("Buyer").',
      '',
      '3.1 The Seller shall deliver the first shipment of Product to the Buyer no',
      'later than 30 June 2026, and the Buyer shall pay each invoice within thirty (30) days of',
      'receipt.',
      '3.2 The Buyer shall provide a forecast every quarter.',
    ].join('\n'),
  );

  it('reads the deadlines that run across a line, each expression on one line', () => {
    expect(result.parties).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
    expect(
      result.obligations.map((o) => [o.actors, o.deadline?.expression, o.deadline?.dueDate]),
    ).toEqual([
      [['Seller'], 'no later than 30 June 2026', '2026-06-30'],
      [['Buyer'], 'within thirty (30) days of receipt', null],
      [['Buyer'], 'every quarter', '2026-04-10'],
    ]);
  });
});

describe('extractAgreement on a treaty in force from an undated notification', () => {
  const treaty = (entry: string) =>
    extractAgreement(
      `Agreement between Chile and Peru. Done at Lima on 3 November 2026. This Agreement shall enter into force ${entry}. This Agreement shall remain in force for a period of five (5) years.`,
    ).term;

  it('counts its term from the entry into force, which has no date, not from the signing', () => {
    expect(treaty('on the date of the later notification completing internal procedures')).toEqual(
      expect.objectContaining({ expiresAt: null, endEvent: 'P5Y after entry into force' }),
    );
  });

  it('counts from the signing where it enters into force upon signature', () => {
    expect(treaty('upon signature')?.expiresAt).toBe('2031-11-03');
  });
});

describe("extractAgreement on a government's award to a company", () => {
  const result = extractAgreement(
    'WASHINGTON, February 3, 2026 - The U.S. Department of Energy today announced a $120 million grant to Coastal Lithium Refining LLC to build a refinery. ' +
      'The company must begin construction within 18 months.',
  );

  it('names the government and the company as parties, and the company as "the company"', () => {
    expect(result.parties).toEqual(['United States', 'Coastal Lithium Refining LLC']);
    expect(result.obligations.map((o) => o.actors)).toEqual([['Coastal Lithium Refining LLC']]);
  });
});

describe('extractAgreement on commitments that follow an event', () => {
  const result = extractAgreement(
    'This Agreement is made on 1 March 2027. Upon termination, the Provider shall return all data within thirty days and shall deliver a certificate of destruction within ten days, and the Customer shall pay all fees within five days.',
  );

  it('counts every period of the sentence from the event it opens with, not from the signing', () => {
    expect(
      result.obligations.map((o) => [o.action, o.deadline?.anchor, o.deadline?.dueDate]),
    ).toEqual([
      ['return all data', { type: 'event', ref: 'termination' }, null],
      ['deliver a certificate of destruction', { type: 'event', ref: 'termination' }, null],
      ['pay all fees', { type: 'event', ref: 'termination' }, null],
    ]);
  });
});

describe('extractAgreement on a period that runs "thereafter"', () => {
  const result = extractAgreement(
    'This Agreement is made on 15 January 2027. The Borrower shall ensure that Practical Completion occurs no later than 31 December 2028, and shall deliver a completion certificate to the Lender within 30 days thereafter.',
  );

  it('counts it from what the commitment before is due by, not from the signing', () => {
    expect(result.obligations[1]).toMatchObject({
      action: 'deliver a completion certificate to the Lender',
      deadline: {
        expression: 'within 30 days thereafter',
        dueDate: '2029-01-30',
        anchor: { type: 'event', date: '2028-12-31' },
      },
    });
  });

  it('leaves it open when the commitment before has no date', () => {
    const open = extractAgreement(
      'This Agreement is made on 15 January 2027. The Borrower shall achieve Practical Completion, and shall deliver a completion certificate to the Lender within 30 days thereafter.',
    );
    expect(open.obligations[1]?.deadline).toMatchObject({
      dueDate: null,
      anchor: { type: 'event' },
    });
  });
});

describe('extractAgreement on a contract', () => {
  const CONTRACT = [
    'SUPPLY AGREEMENT',
    'This SUPPLY AGREEMENT is entered into as of the 15th day of January, 2026 (the "Effective Date"), by and between Alpha Minerals Pty Ltd, a company incorporated in Western Australia ("Seller"), and Beta Magnets, Inc., a Delaware corporation ("Buyer").',
    '1.1 "Fiscal Year" means each twelve-month period ending on June 30.',
    '3.1 Seller shall deliver the first Shipment of Product to Buyer no later than June 30, 2026.',
    '6.2 Seller shall deliver to Buyer its audited financial statements within one hundred twenty (120) days after the end of each Fiscal Year.',
    '9.1 This Agreement shall commence on the Effective Date and shall continue in force until December 31, 2028.',
    '9.2 Upon expiry of the Initial Term, this Agreement shall automatically renew for successive periods of one (1) year, unless either Party gives the other Party written notice of non-renewal at least ninety (90) days before the expiration of the then-current Term.',
  ].join('\n');
  const result = extractAgreement(CONTRACT);

  it('reads parties, dates and term', () => {
    expect(result.parties).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
    expect(result.signedAt).toBe('2026-01-15');
    expect(result.effectiveAt).toBe('2026-01-15');
    expect(result.term).toEqual({
      expiresAt: '2028-12-31',
      renewal: { period: 'P1Y', noticeBeforeExpiry: 'P90D' },
    });
  });

  it('starts a yearly report from the first fiscal year end after the effective date', () => {
    const report = result.obligations.find((o) => o.text.includes('financial statements'));
    // Fiscal year ends 30 June: 2026-06-30 + 120 days = 2026-10-28, then every year.
    expect(report?.deadline?.dueDate).toBe('2026-10-28');
    expect(report?.deadline?.recurrence).toBe('R/2026-10-28/P1Y');
  });

  it('records the non-renewal notice window before expiry', () => {
    const notice = result.obligations.find((o) => o.category === 'notice');
    expect(notice?.binding).toBe(false);
    // 2028-12-31 - 90 days = 2028-10-02.
    expect(notice?.deadline?.dueDate).toBe('2028-10-02');
  });

  it('does not treat term or renewal statements as obligations', () => {
    expect(result.obligations.some((o) => o.text.includes('shall continue in force'))).toBe(false);
  });
});

describe('extractAgreement on the dates of a contract', () => {
  it('takes a date the text names "the Agreement Date" for the signing date', () => {
    const text = [
      'ORION FREIGHT LTD',
      'VEGA PORTS S.A.',
      'entered as of 14 February 2017 (the "Agreement Date") between the parties above',
    ].join('\n');
    expect(extractAgreement(text).signedAt).toBe('2017-02-14');
  });

  it('keeps the offsets of the text where excerpt marks are blanked', () => {
    const text = 'ORION FREIGHT LTD<omitted>\nThe Supplier shall deliver the Goods within 30 days.';
    const [obligation] = extractAgreement(text).obligations;
    expect(obligation?.span[0]).toBe(text.indexOf('The Supplier'));
  });
});

describe('extractAgreement on seasons and years of the agreement', () => {
  const result = extractAgreement(
    [
      'This Memorandum is signed on 3 February 2026 between Australia and the Republic of Korea.',
      'Australia will open the processing hub in spring 2027.',
      'Korea will complete the offtake study by the end of the second year of this Memorandum.',
    ].join('\n'),
  );
  const find = (words: string) => result.obligations.find((o) => o.text.includes(words));

  it('reads a season as it falls where the first party is', () => {
    expect(find('processing hub')?.deadline?.dueDate).toBe('2027-11-30');
  });

  it('counts a year of the instrument from its start, and leaves the period out of the title', () => {
    const study = find('offtake study');
    expect(study?.deadline?.dueDate).toBe('2028-02-03');
    expect(study?.action).toBe('complete the offtake study');
  });
});

describe("extractAgreement on a lender's announcement", () => {
  const result = extractAgreement(
    [
      'Agency Announces $150 Million Loan to Expand Graphite Production in Mozambique',
      '',
      'WASHINGTON – January 14, 2026 – The U.S. International Development Finance Corporation today announced a $150 million loan to Kestrel Graphite Limited for its mine.',
      'The loan will be disbursed in two tranches, the second by June 30, 2027.',
    ].join('\n'),
  );

  it("names the lender's state and the borrower, not the country the mine is in", () => {
    expect(result.parties).toEqual(['United States', 'Kestrel Graphite Limited']);
    expect(result.publishedAt).toBe('2026-01-14');
  });

  it('puts the passive in the active voice', () => {
    expect(result.obligations[0]?.action).toBe('disburse the loan in two tranches');
  });
});

describe("extractAgreement on a joint statement that welcomes a companies' deal", () => {
  const result = extractAgreement(
    [
      'Joint Statement by the Government of Australia and the Government of Japan on Critical Minerals',
      '',
      'Canberra, 22 October 2025',
      '',
      'Both sides will publish common ESG standards for mineral processing within 18 months.',
      '',
      'The leaders welcomed the signing of an offtake agreement between Pilbara Heavy Rare Earths Ltd and Kansai Magnet Industries Co., Ltd.',
    ].join('\n'),
  );

  it('takes the states its title names as the parties, not the companies of the deal it welcomes', () => {
    expect(result.parties).toEqual(['Australia', 'Japan']);
    expect(result.obligations[0]?.actors).toEqual(['Australia', 'Japan']);
  });

  it('reads its "will" as a political commitment, not a legal duty', () => {
    expect(result.obligations[0]).toMatchObject({
      binding: false,
      deadline: { dueDate: '2027-04-22' },
    });
  });
});

describe('extractAgreement on a government fact sheet', () => {
  const result = extractAgreement(
    [
      'FACT SHEET: United States and Kazakhstan Sign Critical Minerals Agreement',
      'November 6, 2025',
      'The United States will train 500 mining engineers by the end of fiscal year 2027.',
    ].join('\n'),
  );

  it('reads the fiscal year of the United States government, which ends on 30 September', () => {
    expect(result.obligations[0]?.deadline?.dueDate).toBe('2027-09-30');
  });
});

describe('extractAgreement on a concession that starts when its conditions are fulfilled', () => {
  const result = extractAgreement(
    [
      'This Concession Agreement is signed on 30 January 2026 between the Republic of Mozambique and Nacala Bulk Terminals, S.A.',
      '5.1 The Concession Period shall be thirty (30) years from the Effective Date, which shall be the date on which the last of the Conditions Precedent is fulfilled.',
      '9.1 The Concessionaire shall achieve Financial Close within 180 days from the Effective Date.',
    ].join('\n'),
  );

  it('waits for the Effective Date instead of counting from the signing', () => {
    const close = result.obligations.find((o) => o.text.includes('Financial Close'));
    expect(close?.deadline).toMatchObject({ dueDate: null, anchor: { type: 'event' } });
  });
});

describe('extractAgreement on a fiscal year defined from its first day to its last', () => {
  const result = extractAgreement(
    [
      'This Agreement is made on 3 March 2026 between Alpha Minerals Ltd ("Alpha") and Beta Corp ("Beta").',
      '"Fiscal Year" means the period from April 1 to March 31.',
      'Alpha shall report by the end of fiscal year 2027.',
    ].join('\n'),
  );

  it('ends each fiscal year on its last day, not its first', () => {
    expect(result.obligations[0]?.deadline?.dueDate).toBe('2027-03-31');
  });
});

describe('extractAgreement on a contract dated in words in its opening sentence', () => {
  it('reads the date of the appearance before the notary as the signing date', () => {
    const result = extractAgreement(
      'SPECIAL LITHIUM OPERATION CONTRACT\nIn Santiago de Chile, on the twenty-second of July of two thousand twenty-six, appear on the one hand the STATE OF CHILE and on the other hand SALAR VERDE LITIO SpA.',
    );
    expect(result.signedAt).toBe('2026-07-22');
  });
});

describe('extractAgreement on a contract between a state and one company', () => {
  it('names the state and the company its parties clause defines', () => {
    const result = extractAgreement(
      'SPECIAL LITHIUM OPERATION CONTRACT\nIn Santiago de Chile, on 22 July 2026, appear on the one hand the STATE OF CHILE (hereinafter "the State"), and on the other hand SALAR VERDE LITIO SpA (hereinafter "the Contractor").\nIn case of discrepancy the Spanish text shall prevail.',
    );
    expect(result.parties).toEqual(['Chile', 'SALAR VERDE LITIO SpA']);
  });
});

describe("extractAgreement on a leaders' declaration", () => {
  const result = extractAgreement(
    [
      'We, the Leaders of the Andean Summit, met in Quito on 14 September 2026.',
      'We reaffirm our commitment to the Quito Principles.',
      'We welcome the progress of the regional energy market, which will open in 2028.',
      'We commit to interconnect our national power grids by 2030.',
      'We reaffirm our commitment to halve methane emissions from mining by 2035.',
      'We will meet again in Lima in 2027.',
    ].join('\n'),
    { referenceDate: '2026-12-05' },
  );

  it('reads what the leaders commit to, not what they reaffirm or welcome', () => {
    expect(result.obligations.map((o) => o.action)).toEqual([
      'interconnect our national power grids',
      'halve methane emissions from mining',
      'meet again in Lima',
    ]);
  });

  it('reads its commitments as political, not legally binding', () => {
    expect(result.obligations.map((o) => o.binding)).toEqual([false, false, false]);
  });
});

describe('extractAgreement on a news report with forecasts and quoted promises', () => {
  const result = extractAgreement(
    [
      'Peru and Andes Copper sign mine deal',
      'LIMA, Nov 30 (Example Wire) - Peru and Andes Copper Ltd signed an agreement on Sunday to develop the Cerro Azul mine.',
      'Andes Copper will invest $1.5 billion by 2029, the company said.',
      '"We will deliver the first concentrate by June 2028," said the chief executive.',
      '"We expect the first shipment to arrive in 2028," said the minister.',
      'The mine could start production by 2028, analysts said.',
      'Officials said the smelter might open next year.',
      'The railway will probably be finished in 2029.',
    ].join('\n'),
    { referenceDate: '2026-12-05' },
  );

  it('reads the commitments of the parties, not forecasts, hopes or the views of analysts', () => {
    expect(result.obligations.map((o) => o.action)).toEqual([
      'invest $1.5 billion',
      'deliver the first concentrate',
    ]);
  });

  it('takes a promise quoted from a speech as not binding', () => {
    expect(result.obligations.map((o) => o.binding)).toEqual([true, false]);
  });
});

describe('extractAgreement on a charter party, whose terms have no modal', () => {
  const result = extractAgreement(
    [
      'VOYAGE CHARTER PARTY',
      'Piraeus, 1 December 2026',
      'It is agreed between Aegean Bulk Carriers S.A. (the "Owners") and Nordkap Grain AS (the "Charterers") as follows:',
      '1. Vessel to be delivered at Piraeus on or about 20 January 2027.',
      '2. Freight payable within five banking days after completion of loading.',
      '3. Charterers to provide the cargo at the loading port.',
      '4. This Charter Party to be governed by English law.',
    ].join('\n'),
    { referenceDate: '2026-12-05' },
  );

  it('reads each term as a binding duty with its action and date', () => {
    expect(result.obligations.map((o) => [o.action, o.binding])).toEqual([
      ['deliver Vessel at Piraeus', true],
      ['pay Freight', true],
      ['provide the cargo at the loading port', true],
    ]);
    expect(result.obligations[1]?.category).toBe('payment');
    expect(result.obligations[0]?.deadline?.dueDate).toBe('2027-01-20');
  });
});

describe('extractAgreement on a press release with an infinitive in its highlights', () => {
  it('takes no highlight or headline without a modal for a commitment', () => {
    const result = extractAgreement(
      [
        'Halvorsen Metals to Acquire Quillon Rare Earths',
        '- Transaction to be funded with cash on hand and a bridge loan',
        '- Dividend payable on completion of the merger',
        'Quillon to be delisted from the exchange after closing.',
      ].join('\n'),
    );
    expect(result.obligations).toEqual([]);
  });
});

describe('extractAgreement on a memorandum between a province and a state', () => {
  const result = extractAgreement(
    [
      'Memorandum of Cooperation between the Province of Manitoba and the Government of the Republic of Korea on Critical Minerals',
      '',
      'Winnipeg, 9 September 2026',
      '',
      'The Province will publish a geological survey of its nickel deposits by 31 March 2027.',
      'Korea will send a trade mission within six months of the signing.',
    ].join('\n'),
  );

  it('names the province and the state as the parties, and no state from the province', () => {
    expect(result.parties).toEqual(['Manitoba', 'South Korea']);
  });

  it('names the province as "the Province"', () => {
    expect(result.obligations.map((o) => o.actors)).toEqual([['Manitoba'], ['South Korea']]);
  });
});

describe('extractAgreement on a news report of a state of a federation', () => {
  const result = extractAgreement(
    [
      'South Australia and Japan sign hydrogen export pact',
      '',
      'ADELAIDE, 4 August 2026 - South Australia and Japan will build a hydrogen export terminal at Port Bonython, officials said on Tuesday.',
      'South Australia will complete the environmental approvals by June 2027.',
    ].join('\n'),
  );

  it('names the state of the federation, not the federation', () => {
    expect(result.parties).toEqual(['South Australia', 'Japan']);
    expect(result.obligations[0]?.actors).toEqual(['South Australia', 'Japan']);
    expect(result.obligations[1]?.actors).toEqual(['South Australia']);
  });
});

describe('extractAgreement on a news report of a company that signs with a state', () => {
  const result = extractAgreement(
    [
      'Harrowgate Metals signs zinc smelter deal with Kazakhstan',
      '',
      'ASTANA, Nov 12 (Reuters) - Harrowgate Metals and the government of Kazakhstan signed an agreement on Thursday to modernise a zinc smelter, the company said.',
      '',
      'Harrowgate Metals will complete the first phase by the end of 2028. The government will grant the permits within 60 days.',
    ].join('\n'),
  );

  it('names the state and the company, which has no legal form, as the parties', () => {
    expect(result.parties).toEqual(['Kazakhstan', 'Harrowgate Metals']);
  });

  it('names each as the actor of its commitment', () => {
    expect(result.obligations.map((o) => o.actors)).toEqual([
      ['Harrowgate Metals'],
      ['Kazakhstan'],
    ]);
  });
});

describe('extractAgreement on a report of a company and a state that agree', () => {
  const result = extractAgreement(
    [
      'Talbrook Copper and Mongolia agree power plan for Khan Uul mine',
      '',
      'ULAANBAATAR, 2 December 2026 - Talbrook Copper and Mongolia agreed on Tuesday to build a power line to the mine.',
      'Talbrook Copper will fund a feasibility study by June 2027.',
    ].join('\n'),
  );

  it('names both as the parties and as the actors of what they agreed', () => {
    expect(result.parties).toEqual(['Mongolia', 'Talbrook Copper']);
    expect(result.obligations[0]?.actors).toEqual(['Mongolia', 'Talbrook Copper']);
  });
});

describe('extractAgreement on a report of what a company will do', () => {
  it('names the company the report quotes as "the company" beside the state', () => {
    const result = extractAgreement(
      [
        'Ostlund Tsusho to invest in Argentine lithium',
        '',
        'BUENOS AIRES, Nov 30 - Ostlund Tsusho will invest $300 million in a lithium carbonate plant in Jujuy province, the company said on Monday.',
        '',
        "The Japanese trading house plans to start production by 2028. Argentina's government will approve the export permits.",
      ].join('\n'),
    );
    expect(result.parties).toEqual(['Argentina', 'Ostlund Tsusho']);
    expect(result.obligations[0]?.actors).toEqual(['Ostlund Tsusho']);
  });

  it('names a listed company without its listing, with no state', () => {
    const result = extractAgreement(
      'PERTH, 10 November 2026 - Yarrabee Lithium (ASX: YBL) will expand its Kalgoorlie refinery by 2028.',
    );
    expect(result.parties).toEqual(['Yarrabee Lithium']);
  });

  it('takes no leader for a company where the leaders sign for the states', () => {
    const result = extractAgreement(
      [
        'Korea and Japan sign supply chain pact',
        '',
        'SEOUL, Oct 3 2026 - President Okafor and Prime Minister Lindqvist signed a supply chain partnership on Friday.',
        'Korea will establish a joint stockpile by March 2027.',
      ].join('\n'),
    );
    expect(result.parties).toEqual(['South Korea', 'Japan']);
  });
});

describe('extractAgreement on an earnings call', () => {
  const call = [
    'Northgate Copper Q4 2026 Earnings Call Transcript',
    '',
    'Operator: Good morning and welcome to the call.',
    '',
    'Ana Silva, Chief Executive Officer: We will begin first ore processing at Ridgeback in Q2 2027.',
    'Our goal is to double output by 2029, and our target is to cut unit costs by 2028.',
    '',
    'Analyst: Will the expansion be funded with debt?',
  ].join('\n');

  it('holds a plan it announces as guidance, not a duty, and reads no target or question', () => {
    const { obligations } = extractAgreement(call, { referenceDate: '2026-12-05' });
    expect(obligations.map((o) => [o.action, o.binding, o.deadline?.dueDate])).toEqual([
      ['begin first ore processing at Ridgeback', false, '2027-06-30'],
    ]);
  });
});

describe('extractAgreement on parties set out as a block', () => {
  it('names the companies of a numbered list, and each by the short name it is given', () => {
    const deed = [
      'DEED OF SUBSCRIPTION',
      '',
      'This Deed is made on 2 August 2027 between:',
      '',
      '(1) Merrick Quarries Limited, a company registered in Scotland (Merrick); and',
      '(2) Oldcastle Aggregates Pty Ltd, a company incorporated in Australia (Oldcastle).',
      '',
      '1. Subscription',
      '1.1 Oldcastle shall pay the Subscription Price no later than 1 October 2027.',
    ].join('\n');
    const result = extractAgreement(deed, { referenceDate: '2026-12-05' });
    expect(result.parties).toEqual(['Merrick Quarries Limited', 'Oldcastle Aggregates Pty Ltd']);
    expect(result.obligations.map((o) => o.actors)).toEqual([['Oldcastle Aggregates Pty Ltd']]);
  });

  it('names the companies of a labelled header, and a party by its label "Party A"', () => {
    const contract = [
      'PURCHASE CONTRACT',
      'Party A (Buyer): Holmvik Shipping AS',
      'Party B (Seller): Dalian Hengyu Valve Co., Ltd.',
      '',
      'The Party A shall pay the price by 30 June 2027.',
      'The valves shall be delivered by Party B by 31 May 2027.',
      'The Buyer shall inspect the valves by 15 June 2027.',
    ].join('\n');
    const result = extractAgreement(contract, { referenceDate: '2026-12-05' });
    expect(result.parties).toEqual(['Holmvik Shipping AS', 'Dalian Hengyu Valve Co., Ltd.']);
    // A role names the party as a role does elsewhere.
    expect(result.obligations.map((o) => o.actors)).toEqual([
      ['Holmvik Shipping AS'],
      ['Dalian Hengyu Valve Co., Ltd.'],
      ['Buyer'],
    ]);
  });
});

describe('extractAgreement on a period put between the modal and its verb', () => {
  it('titles the commitment by its verb and counts the period from the event before it', () => {
    const contract = [
      'Date of signing: 4 June 2027',
      '',
      'The Purchaser shall within 20 days from the date of signing of this Contract pay the deposit of 10% to the Vendor.',
      'The Vendor shall within 2 days after the loading inform the Purchaser by e-mail.',
    ].join('\n');
    const { obligations } = extractAgreement(contract, { referenceDate: '2026-12-05' });
    expect(obligations.map((o) => [o.action, o.deadline?.expression, o.deadline?.dueDate])).toEqual(
      [
        [
          'pay the deposit of 10% to the Vendor',
          'within 20 days from the date of signing of this Contract',
          '2027-06-24',
        ],
        ['inform the Purchaser by e-mail', 'within 2 days after the loading', null],
      ],
    );
    expect(obligations[1]?.deadline?.anchor).toEqual({ type: 'event', ref: 'loading' });
  });
});
