import { extractAgreement } from './extract-agreement';
import type { ExtractionResult } from './types';

// United States government instruments, written for these tests in the shapes they are published
// in: an executive order as the White House posts it and as the Federal Register prints it, a bill,
// a public law, a proclamation, a final rule and a fact sheet.
const options = { referenceDate: '2026-12-05' };
const find = (result: ExtractionResult, words: string) =>
  result.obligations.find((o) => o.text.includes(words));

describe('an executive order', () => {
  const result = extractAgreement(
    [
      'Executive Order 14241 of March 20, 2025',
      '',
      'Immediate Measures To Increase American Mineral Production',
      '',
      'By the authority vested in me as President by the Constitution and the laws of the United States of America, it is hereby ordered:',
      '',
      'Sec. 3. Immediate Measures to Prioritize Mineral Production and Mining Projects. (a) Within 10 days of the date of this order, the head of each executive department and agency (agency) identified in section 1(b) of Executive Order 14213 shall provide to the Chair of the National Energy Dominance Council a list of priority mineral production projects that can be immediately approved.',
      '(b) Within 15 days of the date of this order, the Chair of the National Energy Dominance Council shall submit to the President a list of priority projects.',
      '(c) The Secretary of the Interior shall, within 30 days of the date of this order, identify all Federal lands known to possess mineral deposits.',
      'Sec. 4. Reports. (a) The Secretary of Commerce shall submit a report to the President by end-June 2027 on the implementation of this section.',
      '(b) Within 10 days of the date of this order, the Chief Executive Officer of the United States International Development Finance Corporation, in consultation with the Secretary of Defense, shall issue guidance on investment in mineral production.',
      '(c) The Administrator of the Environmental Protection Agency and the Secretary of Energy shall, within 90 days of the date of this order, each submit a plan to the Assistant to the President for National Security Affairs.',
      'Sec. 5. General Provisions. (a) This order shall be implemented consistent with applicable law and subject to the availability of appropriations.',
    ].join('\n'),
    options,
  );

  it('is signed on the date its title gives it', () => {
    expect(result.title).toBe('Executive Order 14241 of March 20, 2025');
    expect(result.signedAt).toBe('2025-03-20');
    expect(result.parties).toEqual(['United States']);
  });

  it('counts "the date of this order" from its signing', () => {
    expect(
      find(result, 'Chair of the National Energy Dominance Council shall')?.deadline,
    ).toMatchObject({
      dueDate: '2025-04-04',
      anchor: { type: 'signing' },
    });
  });

  it('reads each office that acts, not the state, and leaves the section heading out', () => {
    const heads = find(result, 'head of each executive department');
    expect(heads?.text).toMatch(/^Within 10 days/);
    expect(heads?.actors).toEqual(['head of each executive department and agency']);
    expect(find(result, 'Chief Executive Officer')?.actors).toEqual([
      'Chief Executive Officer of the United States International Development Finance Corporation',
    ]);
    expect(find(result, 'Administrator of the Environmental')?.actors).toEqual([
      'Administrator of the Environmental Protection Agency',
      'Secretary of Energy',
    ]);
  });

  it('titles the action by what is given, not cut short', () => {
    expect(find(result, 'head of each executive department')?.action).toBe(
      'provide a list of priority mineral production projects',
    );
    expect(find(result, 'Chair of the National Energy Dominance Council shall')?.action).toBe(
      'submit to the President a list of priority projects',
    );
    expect(find(result, 'Federal lands')?.action).toBe(
      'identify all Federal lands known to possess mineral deposits',
    );
    expect(find(result, 'Administrator of the Environmental')?.action).toBe('submit a plan');
  });

  it('dates "by end-June 2027" at the month end', () => {
    expect(find(result, 'end-June')?.deadline).toMatchObject({
      expression: 'by end-June 2027',
      dueDate: '2027-06-30',
    });
    expect(find(result, 'end-June')?.action).toBe('submit a report to the President');
  });

  it('takes no duty from its general provisions', () => {
    expect(find(result, 'consistent with applicable law')).toBeUndefined();
  });
});

describe('an executive order in the Federal Register', () => {
  const result = extractAgreement(
    [
      '60835',
      '',
      'Federal Register                Presidential Documents',
      'Vol. 82, No. 246',
      'Tuesday, December 26, 2017',
      '',
      'Title 3—                        Executive Order 13817 of December 20, 2017',
      'The President                   A Federal Strategy To Ensure Secure and Reliable Supplies',
      '',
      'By the authority vested in me as President by the Constitution and the',
      'laws of the United States of America, it is hereby ordered as follows:',
      'Sec. 2. Definition. (a) Within 60 days of the date of this order, the Secretary of the Interior,',
      'in coordination with the Secretary of Defense, shall publish a list of critical minerals in',
      'the Federal Register.',
      'Sec. 4. Implementation. (a) Within 180 days of the date that the Secretary',
      'of the Interior publishes a list of critical minerals under section 2 of this',
      'order, the Secretary of Commerce, in coordination with the Secretaries of',
      'Defense, the Interior, Agriculture, and Energy, and the United States Trade',
      'Representative, shall submit a report to the President through the Assistant',
      'to the President for Economic Policy.',
      '(b) By January 1, 2021, and every 180 days thereafter, the Secretary of',
      'the Interior, in consultation with the heads of other agencies, as appropriate,',
      "shall inform the President of the state of the threat posed by our Nation's",
      'reliance on critical minerals.',
    ].join('\n'),
    options,
  );

  it('reads its title, its signing and the issue it is published in', () => {
    expect(result.title).toBe('Executive Order 13817 of December 20, 2017');
    expect(result.signedAt).toBe('2017-12-20');
    expect(result.publishedAt).toBe('2017-12-26');
  });

  it('reads a sentence whose wrapped line breaks inside a name', () => {
    const report = find(result, 'shall submit a report');
    expect(report?.actors).toEqual(['Secretary of Commerce']);
    // From the day the list of critical minerals is due: 2018-02-18 + 180 days.
    expect(report?.deadline?.dueDate).toBe('2018-08-17');
  });

  it('finds the actor after a dated lead and its repetition', () => {
    const inform = find(result, 'shall inform the President');
    expect(inform?.actors).toEqual(['Secretary of the Interior']);
    expect(inform?.category).toBe('reporting');
    expect(inform?.deadline?.recurrence).toBe('R/2021-01-01/P180D');
  });
});

describe('a bill', () => {
  const result = extractAgreement(
    [
      '119th CONGRESS',
      '1st Session',
      'H. R. 1234',
      '',
      'To require the Secretary of the Interior to establish a critical minerals program, and for other purposes.',
      '',
      'IN THE HOUSE OF REPRESENTATIVES',
      'February 11, 2025',
      'Mr. Smith of Texas introduced the following bill; which was referred to the Committee on Natural Resources',
      '',
      'A BILL',
      '',
      'Be it enacted by the Senate and House of Representatives of the United States of America in Congress assembled,',
      '',
      'SECTION 1. SHORT TITLE.',
      'This Act may be cited as the "Critical Minerals Supply Chain Act of 2025".',
      '',
      'SEC. 3. CRITICAL MINERALS PROGRAM.',
      '(a) In General.--Not later than 180 days after the date of enactment of this Act, the Secretary shall establish a program to map critical mineral resources.',
      '(b) Report.--Not later than 1 year after the date of enactment of this Act, and annually thereafter, the Secretary shall submit to the Committee on Natural Resources of the House of Representatives and the Committee on Energy and Natural Resources of the Senate a report on the program.',
    ].join('\n'),
    options,
  );

  it('is named by its short title and is not signed', () => {
    expect(result.title).toBe('Critical Minerals Supply Chain Act of 2025');
    // February 11 is when it was introduced.
    expect(result.signedAt).toBeNull();
  });

  it('waits for its enactment, which has no date yet', () => {
    expect(find(result, 'map critical mineral')?.deadline).toMatchObject({
      dueDate: null,
      anchor: { type: 'event', ref: 'date of enactment of this Act' },
    });
  });

  it('reads the text after a run-in heading, and the actor after a repetition', () => {
    const report = find(result, 'a report on the program');
    expect(report?.text).toMatch(/^Not later than 1 year/);
    expect(report?.actors).toEqual(['Secretary']);
    expect(report?.action).toBe('submit a report on the program');
  });
});

describe('a public law', () => {
  const result = extractAgreement(
    [
      'PUBLIC LAW 117-58--NOV. 15, 2021',
      '',
      'Infrastructure Investment and Jobs Act',
      '',
      'Be it enacted by the Senate and House of Representatives of the United States of America in Congress assembled,',
      '',
      'SEC. 40210. CRITICAL MINERALS MAPPING.',
      'Not later than 90 days after the date of enactment of this Act, the Director of the United States Geological Survey shall publish a plan for the mapping of critical minerals.',
      '',
      'Approved November 15, 2021.',
    ].join('\n'),
    options,
  );

  it('is dated by its approval, from which "the date of enactment" counts', () => {
    expect(result.signedAt).toBe('2021-11-15');
    const plan = find(result, 'publish a plan');
    expect(plan?.actors).toEqual(['Director of the United States Geological Survey']);
    expect(plan?.deadline).toMatchObject({ dueDate: '2022-02-13', anchor: { type: 'signing' } });
  });
});

describe('a proclamation', () => {
  it('is dated by its witness clause and counts from "the date of this proclamation"', () => {
    const result = extractAgreement(
      [
        'Adjusting Imports of Copper Into the United States',
        '',
        'By the President of the United States of America',
        '',
        'A Proclamation',
        '',
        '(1) Within 90 days of the date of this proclamation, the Secretary shall submit to the President a report on imports of copper.',
        '',
        'IN WITNESS WHEREOF, I have hereunto set my hand this thirtieth day of July, in the year of our Lord two thousand twenty-five, and of the Independence of the United States of America the two hundred and fiftieth.',
      ].join('\n'),
      options,
    );
    expect(result.signedAt).toBe('2025-07-30');
    expect(find(result, 'imports of copper')?.deadline?.dueDate).toBe('2025-10-28');
  });
});

describe('a final rule in the Federal Register', () => {
  const result = extractAgreement(
    [
      'Federal Register / Vol. 90, No. 12 / Tuesday, January 21, 2025 / Rules and Regulations',
      '',
      'DEPARTMENT OF THE INTERIOR',
      'Bureau of Land Management',
      '43 CFR Part 3800',
      '[BLM_HQ_FRN_MO4500170000]',
      'RIN 1004-AE95',
      'Mining Claims and Sites on Federal Lands',
      'AGENCY: Bureau of Land Management, Interior.',
      'ACTION: Final rule.',
      'DATES: This rule is effective February 20, 2025. Compliance date: Claimants must comply with the new filing requirements beginning September 1, 2025.',
      '',
      'Each claimant shall file a notice of intent to hold with the BLM no later than the compliance date.',
      'Operators must submit a reclamation cost estimate within 90 days after the effective date of this rule.',
    ].join('\n'),
    options,
  );

  it('reads its subject, its issue, its effective date and its agency’s state', () => {
    expect(result.title).toBe('Mining Claims and Sites on Federal Lands');
    expect(result.publishedAt).toBe('2025-01-21');
    expect(result.effectiveAt).toBe('2025-02-20');
    expect(result.parties).toEqual(['United States']);
  });

  it('dates what is due by its compliance date and from its effective date', () => {
    expect(find(result, 'must comply')?.deadline?.dueDate).toBe('2025-09-01');
    expect(find(result, 'notice of intent')?.deadline).toMatchObject({
      expression: 'no later than the compliance date',
      dueDate: '2025-09-01',
    });
    expect(find(result, 'reclamation cost')?.deadline?.dueDate).toBe('2025-05-21');
  });
});

describe('a fact sheet on an executive order', () => {
  const result = extractAgreement(
    [
      'Fact Sheet: President Donald J. Trump Strengthens Domestic Refining of Critical Minerals',
      '',
      'The White House',
      'April 2, 2026',
      '',
      'Today, President Donald J. Trump signed an Executive Order to strengthen domestic refining of critical minerals.',
      '',
      '- The Order directs the Secretary of Energy and the Secretary of Defense to identify eligible refining projects within 45 days.',
    ].join('\n'),
    options,
  );

  it('reads whom the order directs, as a commitment that the fact sheet does not make binding', () => {
    expect(result.parties).toEqual(['United States']);
    const identify = find(result, 'identify eligible');
    expect(identify?.actors).toEqual(['Secretary of Energy', 'Secretary of Defense']);
    expect(identify?.binding).toBe(false);
    expect(identify?.deadline?.dueDate).toBe('2026-05-17');
  });
});
