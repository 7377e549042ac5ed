import { classifyLines } from './noise';
import { splitLines } from './sentences';
import { findTitle } from './title';

const title = (text: string) => {
  const lines = splitLines(text);
  return findTitle(lines, classifyLines(lines));
};

describe('title', () => {
  it('takes the first early line that names a document or deal', () => {
    expect(title('Example News\nUS, Japan Sign Framework on Critical Minerals\nBody text.')).toBe(
      'US, Japan Sign Framework on Critical Minerals',
    );
  });

  it('skips exhibit markers and page furniture', () => {
    expect(title('EX-10.1\nhttps://example.org/x\nSUPPLY AGREEMENT\nThis Agreement is made.')).toBe(
      'SUPPLY AGREEMENT',
    );
  });

  it("skips a press release's own label", () => {
    expect(
      title(
        'FOR IMMEDIATE RELEASE\nBoreal Nickel Corp. and Kestrel Inc. Form a Joint Venture\nBody.',
      ),
    ).toBe('Boreal Nickel Corp. and Kestrel Inc. Form a Joint Venture');
  });

  it("skips an e-mail's headers but its subject", () => {
    expect(
      title('From: Priya\nTo: Lars\nCc: Project team\nSubject: RE: action points\nHi Lars,'),
    ).toBe('Subject: RE: action points');
  });

  it('never takes a sentence for the title', () => {
    expect(title('This Agreement is made between the parties.\nLICENCE AGREEMENT')).toBe(
      'LICENCE AGREEMENT',
    );
  });

  it('falls back to the first early line when none names a document', () => {
    expect(title('Quarterly Update\nPrices rose.')).toBe('Quarterly Update');
  });

  it('takes a numbered instrument for the title ("Amendment Agreement No. 3")', () => {
    expect(
      title(
        'SUPPLEMENTAL AGREEMENT NO. 3\nThis Agreement is dated 2 May 2027 and made between:\n1. DEFINITIONS',
      ),
    ).toBe('SUPPLEMENTAL AGREEMENT NO. 3');
  });

  it("skips a release's number that names no document", () => {
    expect(
      title(
        'Press Release No. 27/112\nFund Staff Reach Staff-Level Agreement with Norvania\nBody.',
      ),
    ).toBe('Fund Staff Reach Staff-Level Agreement with Norvania');
  });

  it('takes the subject of a Federal Register document, not its agency', () => {
    expect(
      title(
        'DEPARTMENT OF ENERGY\n10 CFR Part 430\n[EERE-2022-BT-STD-0022]\nRIN 1904-AF27\nEnergy Conservation Program: Standards for Furnaces\nAGENCY: Department of Energy.',
      ),
    ).toBe('Energy Conservation Program: Standards for Furnaces');
  });

  it('takes an executive order after the running heads of its page', () => {
    expect(
      title(
        '60835\nFederal Register   Presidential Documents\nTitle 3—   Executive Order 13817 of December 20, 2017\nBy the authority vested in me.',
      ),
    ).toBe('Executive Order 13817 of December 20, 2017');
  });

  it("takes a bill's short title", () => {
    expect(
      title(
        "119th CONGRESS\nH. R. 1234\nA BILL\nBe it enacted by the Senate and House of Representatives,\nThis Act may be cited as the ``Critical Minerals Act of 2026''.",
      ),
    ).toBe('Critical Minerals Act of 2026');
  });
});
