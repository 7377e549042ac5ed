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
});
