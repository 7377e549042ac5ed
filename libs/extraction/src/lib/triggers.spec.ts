import { findTriggers } from './triggers';

const strengths = (sentence: string) => findTriggers(sentence).map((t) => t.strength);

describe('commitment triggers', () => {
  it('reads a sum that becomes payable at once on a default as a consequence, not a duty', () => {
    expect(
      strengths(
        'If a payment is missed, the whole outstanding amount shall become immediately payable.',
      ),
    ).toEqual([]);
    expect(strengths('All sums will become forthwith due and payable.')).toEqual([]);
    expect(strengths('The Buyer shall pay the balance immediately upon delivery.')).toEqual([
      'duty',
    ]);
  });

  it.each([
    ['Seller shall deliver the first Shipment.', ['duty']],
    ['The Buyer is required to pay each invoice by 1 May 2027.', ['duty']],
    ['The Parties are obliged to consult each other annually.', ['duty']],
    ['The Licensor shall renew the certificate annually.', ['duty']],
    ['The Borrower covenants that it will maintain the ratio.', ['pledge']],
    ['The Seller covenants and agrees to indemnify the Buyer.', ['agreed']],
    ['The two countries will jointly select priority projects.', ['will']],
    ['The Participants intend to convene a ministerial.', ['intention']],
    ['A bilateral ministerial meeting is scheduled within 180 days.', ['expectation']],
    ['Quillon has agreed to pay Halvorsen a termination fee.', ['agreed']],
    ['Malaysia committed to refrain from banning exports.', ['pledge']],
    ['The agreement commits Chile to reduce tariffs by 2028.', ['pledge']],
    ['The pact commits the two countries to hold talks.', ['pledge']],
    ['The merger agreement provides for an outside date of September 30, 2026.', ['instrument']],
    ['The Participants are intensifying their cooperation.', ['progressive']],
    ['The Borrower shall apply all amounts borrowed towards the construction.', ['duty']],
    ['The Company shall apply for the export permit.', ['duty']],
    ['Acme pledged to invest USD 2 billion by 2030.', ['will']],
    ['Acme has promised to open a plant within two years.', ['will']],
    ['Acme vowed not to cut jobs before 2029.', ['will']],
    ['The two sides are to meet again within three months.', ['will']],
    ['The Borrower is to deliver the accounts by June 2028.', ['will']],
    ['Leaders tasked their trade ministers with concluding the negotiations.', ['will']],
    ['The Presidents instructed senior officials to prepare a road map.', ['will']],
    ['The two sides will continue to negotiate on rules of origin.', ['will']],
    ['We are going to deliver the first shipments before 2030.', ['will']],
    ['The company also agreed on Tuesday to sell its stake.', ['agreed']],
    ['The Developer shall commence construction of the refinery by 2028.', ['duty']],
    ['Orion will commence drilling within six months.', ['will']],
    ['Construction is due to start in the second half of next year.', ['expectation']],
    ['The Commission undertook to launch a call for proposals by March 2027.', ['pledge']],
    ['Australia and Japan will endeavour to finalise a framework by 2027.', ['intention']],
    ['The parties would aim to sign definitive agreements by 31 March 2026.', ['intention']],
    ['DPE to circulate the revised study to all members by Friday 20 March.', ['will']],
    ['DPE and SGI to agree the cost-sharing key before the next meeting.', ['will']],
    ['Fjord Ammonia to send the draft term sheet by Wednesday.', ['will']],
    ['Meridian (me) to circulate the updated safety case no later than 4 Dec.', ['will']],
    ['Fjord Ammonia and Lekki Ports to jointly apply for the permit.', ['will']],
    ['All parties to sign the cooperation agreement on 15 January 2027.', ['will']],
    ['The Parties to this Agreement shall cooperate.', ['duty']],
    ['We commit to triple renewable power capacity by 2030.', ['pledge']],
    ['We reaffirm our commitment to phase out coal subsidies by 2030.', ['pledge']],
    ['The Members reiterated their shared commitment to establish a fund.', ['pledge']],
    ['We remain committed to achieving net zero by 2050.', ['pledge']],
    ['We task our finance ministers to report on progress by July 2027.', ['will']],
  ])('finds the commitment in "%s"', (sentence, expected) => {
    expect(strengths(sentence)).toEqual(expected);
  });

  it.each([
    ['Either Participant may terminate this Framework.'],
    ['The US side will be represented by the DFC.'],
    ['Ardent will have the right to purchase up to 70 per cent.'],
    ['This Agreement shall automatically renew for successive periods.'],
    ['This Agreement shall renew for successive one-year terms.'],
    ['An earlier draft would have required contributions to be reinvested.'],
    ['This Framework shall enter into force on the date of the last notification.'],
    ['under which Halvorsen will acquire all of the outstanding shares'],
    ['The provisions of Clause 5 shall apply to any transfer.'],
    ['Each Interest Period shall be six months.'],
    ['The purpose of this Agreement is to establish a framework.'],
    ['The objective of the programme is to support exporters.'],
    ['Our target is to reach 3 million tonnes of annual output by 2030.'],
    ['The ambition of the group is to be carbon neutral by 2040.'],
    ['The results are to be noted.'],
    ['This Memorandum will come into effect on the date of its signature.'],
    ['The Agreement shall become effective upon signature.'],
    ['The Margin shall be 2.5 per cent per annum.'],
    ['Japan commits funds to the project.'],
    ['The Agent directed the funds to the escrow account.'],
    ['Clause 9 shall continue to apply after termination.'],
    ['It is going to be difficult to meet the target.'],
    ['It shall remain in force for ten years and shall thereafter be renewed for five years.'],
    ['The Term shall commence on the Effective Date.'],
    ['The delay is due to the weather.'],
    ['Expected to create 400 jobs by 2028'],
    ['The Initial Term shall commence the day after the Closing.'],
    ['This Lease shall commence upon delivery of the premises.'],
    ['The term of this Agreement shall commence effective June 1, 1998.'],
    ['We reaffirm our commitment to the Paris Agreement.'],
    ['We remain firmly committed to the multilateral trading system.'],
    ['The Participants are committed to a rules-based order.'],
    ['The plant will likely open next year.'],
    ['The mine would probably reach full output by 2030.'],
    ['The Final Repayment Date shall be 30 November 2031.'],
    ['The Availability Period shall be 18 months from the date of this Agreement.'],
    ['The Commitment shall be 250,000,000 euros.'],
    ['The irrigation programme will benefit about 40,000 households.'],
    ['Both Parties shall benefit from the exemption.'],
  ])('finds no commitment in "%s"', (sentence) => {
    expect(strengths(sentence)).toEqual([]);
  });
});
