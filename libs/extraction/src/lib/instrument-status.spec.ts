import {
  bindingParagraphs,
  declaresItselfNonBinding,
  isCompanyOutlook,
  isPolicyInstrument,
  statesTermsInShorthand,
} from './instrument-status';

describe('an instrument that declares itself non-binding', () => {
  it.each([
    'This Framework is not legally binding and does not create legal obligations.',
    'The Memorandum is a non-binding memorandum of the Participants.',
    'Neither memorandum is legally binding, and neither obliges either government to spend money.',
    'Save for Clauses 8 and 9, this term sheet is not binding.',
    'Except for paragraphs 3 and 4, this letter is not intended to create legally binding obligations.',
    'This letter does not create any legally binding obligations.',
  ])('reads "%s" as a declaration', (text) => {
    expect(declaresItselfNonBinding(text)).toBe(true);
  });

  it('does not take a recital about an earlier memorandum for a declaration', () => {
    expect(
      declaresItselfNonBinding(
        'WHEREAS, the Parties entered into a non-binding memorandum of understanding dated August 8, 2025 (the "MOU"), which this Agreement supersedes;\n3.1 Seller shall deliver Product.',
      ),
    ).toBe(false);
  });

  it('does not take an instrument this one supersedes for itself', () => {
    expect(
      declaresItselfNonBinding(
        'This Agreement supersedes the non-binding memorandum of understanding between the Parties.',
      ),
    ).toBe(false);
  });

  it('does not read a non-binding forecast as a non-binding instrument', () => {
    expect(
      declaresItselfNonBinding('Buyer shall deliver a non-binding rolling twelve-month forecast.'),
    ).toBe(false);
  });
});

describe('the paragraphs that bind in a non-binding instrument', () => {
  it.each([
    ['Except for paragraphs 6 and 7, this letter is not legally binding.', ['6', '7']],
    ['Save for Clauses 8, 9 and 11, this term sheet is not binding.', ['8', '9', '11']],
    ['This letter is not binding. Paragraph 5 is legally binding.', ['5']],
    ['This Memorandum is not legally binding.', []],
  ])('reads "%s"', (text, numbers) => {
    expect(bindingParagraphs(text)).toEqual(numbers);
  });
});

describe('a policy instrument', () => {
  it.each([
    ["G7 Leaders' Communiqué on Critical Minerals", ''],
    ["Chair's Statement of the East Asia Summit", ''],
    ['Summit Outcome Document', ''],
    ['Joint Declaration on Energy Security', ''],
    [null, 'We, the Heads of State and Government of the Pacific Forum, met in Suva.'],
    ['Outcome of the Summit', 'We, the G20 Leaders, met in Cape Town on 2 May 2026.'],
  ])('is known by its title "%s" or its speakers', (title, text) => {
    expect(isPolicyInstrument(title, text)).toBe(true);
  });

  it.each([
    ['Framework Agreement on Cooperation in Critical Minerals', ''],
    ['SUPPLY AGREEMENT', 'The Seller shall deliver the Product.'],
    ['Zambia signs copper deal with Orion', 'We will deliver by June, the CEO said.'],
    [null, 'We, the undersigned, agree to the terms below.'],
  ])('is not a contract or a news report: "%s"', (title, text) => {
    expect(isPolicyInstrument(title, text)).toBe(false);
  });
});

describe('a text that states its terms in shorthand', () => {
  it.each([
    ['TIME CHARTER PARTY', ''],
    ['Indicative Term Sheet', ''],
    [null, 'HEADS OF TERMS\nfor the sale of the mv Kestrel'],
    ['Fixture Recap - mv Kestrel', ''],
  ])('is known by its title "%s" or its opening', (title, text) => {
    expect(statesTermsInShorthand(title, text)).toBe(true);
  });

  it.each([
    ['Chile to boost lithium output', 'Chile to boost lithium output by 2030.'],
    ['SUPPLY AGREEMENT', 'The Seller shall deliver the Product.'],
  ])('is not a news report or a contract of full sentences: "%s"', (title, text) => {
    expect(statesTermsInShorthand(title, text)).toBe(false);
  });
});

describe("a company's earnings call or investor presentation", () => {
  it.each([
    ['FY2026 Results Call Transcript', ''],
    ['Northgate Copper Investor Presentation', ''],
    ['Northgate Copper Q2 Results', 'Operator: Good afternoon and welcome.\nJane Ruiz: Thank you.'],
  ])('knows "%s" by its title or its operator', (title, text) => {
    expect(isCompanyOutlook(title, text)).toBe(true);
  });

  it('does not take a press release that announces a call for one', () => {
    const release =
      'Conference Call\nNorthgate will host a conference call and an investor presentation at 9:00.';
    expect(isCompanyOutlook('Northgate to acquire Eastvale Mining', release)).toBe(false);
  });
});
