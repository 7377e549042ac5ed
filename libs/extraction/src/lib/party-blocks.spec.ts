import { findLabelledParties, findListedParties } from './party-blocks';

describe('parties set out in a numbered list', () => {
  it('reads each entry after "BETWEEN:" by its name alone, not its description, number or short name', () => {
    expect(
      findListedParties(
        'THIS DEED is made on 9 June 2027\n\nBETWEEN:\n\n(1) MERRICK QUARRIES LIMITED, a company registered in Scotland (company number SC765432) whose registered office is at 4 Dock Road, Leith (Merrick); and\n\n(2) OLDCASTLE AGGREGATES PTY LTD, a company incorporated in Australia (Oldcastle).',
      ),
    ).toEqual(['Merrick Quarries Limited', 'Oldcastle Aggregates PTY Ltd']);
  });

  it('reads a list under a "PARTIES" heading, numbered "1." and "2.", set on one line or several', () => {
    expect(
      findListedParties(
        'PARTIES\n1. Fenwick Grain Co., Ltd. of 12 Harbour Street, Tianjin\n2. Ardley Mills Inc., a Delaware corporation\n\nAGREED TERMS\n1. Definitions',
      ),
    ).toEqual(['Fenwick Grain Co., Ltd.', 'Ardley Mills Inc.']);
    expect(
      findListedParties(
        'This Agreement is made between: (1) Sorrel Bank plc; and (2) Thane Energy SE. It is agreed:',
      ),
    ).toEqual(['Sorrel Bank plc', 'Thane Energy SE']);
  });

  it("stops at the text's own sections, numbered again from 1", () => {
    expect(
      findListedParties(
        'made between:\n(1) Lanark Foods Limited (Lanark); and\n(2) Ebury Farms Limited (Ebury).\n\n1. Supply\n2. Price\n3. Delivery\n4. Term',
      ),
    ).toEqual(['Lanark Foods Limited', 'Ebury Farms Limited']);
  });

  it('reads no list whose entries are not names, nor a list of one', () => {
    expect(
      findListedParties('The difference between (1) the price and (2) the cost is the margin.'),
    ).toEqual([]);
    expect(findListedParties('PARTIES\n(1) Lanark Foods Limited\n\nTERMS')).toEqual([]);
  });
});

describe('parties set out as a header of labelled lines', () => {
  it('reads "Party A (Buyer):" and "Party B (Seller):" lines, and what each label stands for', () => {
    const { names, labels } = findLabelledParties(
      'PURCHASE CONTRACT\nContract No.: ZX-44\nParty A (Buyer): Holmvik Shipping AS\nAddress: Strandgata 3, Bergen\nParty B (Seller): Dalian Hengyu Valve Co., Ltd.\n',
    );
    expect(names).toEqual(['Holmvik Shipping AS', 'Dalian Hengyu Valve Co., Ltd.']);
    expect([...labels]).toEqual([
      ['party a', 'Holmvik Shipping AS'],
      ['party b', 'Dalian Hengyu Valve Co., Ltd.'],
    ]);
  });

  it('reads roles as labels, on one line apart by a semicolon, and keeps them out of the labels', () => {
    const { names, labels } = findLabelledParties(
      'Buyer: Ostvik Metals AB; Seller: Perun Steel S.A.',
    );
    expect(names).toEqual(['Ostvik Metals AB', 'Perun Steel S.A.']);
    expect(labels.size).toBe(0);
  });

  it('reads no header from one labelled line, or from labels that name no one', () => {
    expect(findLabelledParties('Supplier: Kestrel Parts Ltd\nDate: 1 May 2027').names).toEqual([]);
    expect(
      findLabelledParties('Buyer: the purchaser named in the order\nSeller: see Schedule 1').names,
    ).toEqual([]);
  });
});
