import { findRecurrence, findTimeExpressions } from './deadline-expressions';

const first = (clause: string) => findTimeExpressions(clause)[0];

describe('deadline expressions', () => {
  it('ends the event of a period put between the modal and its verb where the verb begins', () => {
    expect(
      first(
        'The Purchaser shall within 20 days from the date of signing of this Contract pay the deposit of 10% to the Vendor.',
      ),
    ).toMatchObject({
      text: 'within 20 days from the date of signing of this Contract',
      shape: { anchor: 'the date of signing of this Contract' },
    });
    expect(
      first('The Vendor shall within 2 days after the loading inform the Purchaser by e-mail.')
        ?.shape,
    ).toMatchObject({ anchor: 'the loading' });
  });

  it('keeps whole an event that names a thing a verb may also name, or is not after a modal', () => {
    expect(
      first('The Agent shall within 7 days of the request of the Lender provide the report.')
        ?.shape,
    ).toMatchObject({ anchor: 'the request of the Lender' });
    expect(
      first('The Buyer shall pay within 30 days after the Seller issue the invoice.')?.shape,
    ).toMatchObject({ anchor: 'the Seller issue the invoice' });
  });

  it('keeps "the Notice to Proceed" whole as the event a period runs from', () => {
    const [found] = findTimeExpressions(
      'The Contractor shall mobilize within fifteen (15) days following receipt of the Notice to Proceed.',
    );
    expect(found?.shape).toMatchObject({ anchor: 'receipt of the Notice to Proceed' });
  });

  it.each([
    ['provide financing within six months', 'within six months'],
    [
      'within 180 days of the signing of this Framework to engage',
      'within 180 days of the signing of this Framework',
    ],
    [
      'within ninety (90) days after the end of each calendar year.',
      'within ninety (90) days after the end of each calendar year',
    ],
    [
      'at least ninety (90) days before the expiration of the then-current Term',
      'at least ninety (90) days before the expiration of the then-current Term',
    ],
    ['deliver the first Shipment no later than June 30, 2026.', 'no later than June 30, 2026'],
    ['is targeted by end-2027.', 'by end-2027'],
    ['expected to close in the first half of 2026, subject to', 'in the first half of 2026'],
    [
      'the first payment falling due on 31 March 2026.',
      'the first payment falling due on 31 March 2026',
    ],
    ['will be paid at completion.', 'at completion'],
    [
      'within five (5) Business Days after becoming aware of it.',
      'within five (5) Business Days after becoming aware of it',
    ],
  ])('finds the limit in "%s"', (clause, expression) => {
    expect(first(clause)?.text).toBe(expression);
  });

  it('reads the Nth business day after an event as that many business days from it', () => {
    expect(
      first('shall answer no later than the tenth Business Day after the request.'),
    ).toMatchObject({
      text: 'no later than the tenth Business Day after the request',
      shape: {
        type: 'relative',
        duration: { amount: 10, unit: 'D', businessDays: true },
        anchor: 'the request',
      },
    });
  });

  it('reads the last day of a month, "on or prior to" a date, and "by end Q1"', () => {
    expect(first('shall report on or prior to the last day of February 2026.')).toMatchObject({
      text: 'on or prior to the last day of February 2026',
      shape: { type: 'month', year: 2026, month: 2, day: 'end' },
    });
    expect(first('shall pay on or prior to 5 March 2026.')?.text).toBe(
      'on or prior to 5 March 2026',
    );
    expect(first('shall complete the works by end Q1 2027.')).toMatchObject({
      shape: { type: 'period-end', year: 2027, month: 3 },
    });
  });

  it('reads "in the next five years" and "over the coming three years" as periods', () => {
    expect(first('will invest USD 1 billion in the next five years')).toMatchObject({
      text: 'in the next five years',
      kind: 'within',
    });
    expect(first('will hire staff over the coming three years')?.text).toBe(
      'over the coming three years',
    );
    // Not a quantity of years: "in 3 years' time" aside, "in five years" alone is no limit.
    expect(findTimeExpressions('invested in five years of research')).toEqual([]);
  });

  it("reads a quarter by number with no year as one of the text's own year", () => {
    expect(first('will open the mine by Q4')).toMatchObject({
      text: 'by Q4',
      shape: { type: 'coming-period-end', ahead: 0, month: 12 },
    });
  });

  it('reads early, mid or late in a year named from the text, with or without a preposition', () => {
    expect(first('will ratify the pact early next year')?.text).toBe('early next year');
    expect(first('will open the office by late this year')?.text).toBe('by late this year');
  });

  it('keeps the longest of overlapping expressions, in order and apart, however many there are', () => {
    const clause = Array.from(
      { length: 200 },
      (_, i) => `meet on ${(i % 28) + 1} March 2027 and within ${i + 1} days after the meeting`,
    ).join('; ');
    const found = findTimeExpressions(clause);
    expect(found.map((e) => e.text).slice(0, 2)).toEqual([
      'on 1 March 2027',
      'within 1 days after the meeting',
    ]);
    expect(found).toHaveLength(400);
    for (const [index, e] of found.entries())
      expect(e.start).toBeGreaterThanOrEqual(found[index - 1]?.end ?? 0);
  });

  it('does not read a term as a deadline', () => {
    expect(
      findTimeExpressions('not to acquire more shares for 24 months after the first closing'),
    ).toEqual([]);
    expect(findTimeExpressions('purchase 25% for five years from the start of production')).toEqual(
      [],
    );
  });

  it.each([
    ['will meet quarterly at the working level', 'P3M'],
    ['hold meetings on a quarterly basis', 'P3M'],
    ['shall convene annually', 'P1Y'],
    ['and each year thereafter', 'P1Y'],
    ['every six months', 'P6M'],
    ['repay the Loan in eight equal semi-annual instalments', 'P6M'],
    ['pay the price in five annual installments', 'P1Y'],
    ['report fortnightly on progress', 'P2W'],
    ['meet every other week', 'P2W'],
    ['submit a report no later than the end of March each year', 'P1Y'],
  ])('reads the recurrence in "%s"', (clause, period) => {
    expect(findRecurrence(clause)?.period).toBe(period);
  });

  it('does not read an "annual general meeting" or "the monthly fee" as a recurrence', () => {
    expect(findRecurrence('at its annual general meeting')).toBeNull();
    expect(findRecurrence('credit 5% of the monthly fee for that month')).toBeNull();
    expect(findRecurrence('deliver its quarterly accounts')).toBeNull();
  });

  it('does not read a rate of damages for each period of delay as a recurrence', () => {
    expect(findRecurrence('pay a penalty of 1% of the price for every week of delay')).toBeNull();
    expect(findRecurrence('pay USD 500 for each day of late delivery')).toBeNull();
    expect(findRecurrence('pay interest each month in arrears')?.period).toBe('P1M');
  });
});
