import { classifyLines, isNonOperativeSentence } from './noise';
import { splitLines } from './sentences';

const roles = (text: string) => {
  const lines = splitLines(text);
  const assigned = classifyLines(lines);
  return lines.map((line, i) => [line.text, assigned[i]]);
};

describe('noise', () => {
  it('marks page metadata, timestamps, image URLs, tags and publisher lines as noise', () => {
    const result = roles(
      [
        ' date 2025-10-28 https://example.org/a.html',
        '2025-10-28T04:44+0000',
        'https://cdn.example.org/img/1.jpg',
        'Tags: critical minerals, rare earths',
        'Example News feedback@example.org +100000',
        '(c) 2025 Example Wire. All rights reserved.',
        'By Harriet Collins, Resources Correspondent',
      ].join('\n'),
    );
    expect(result.filter(([, role]) => role !== 'noise')).toEqual([]);
  });

  it('keeps a commitment that opens with a word of page furniture', () => {
    const result = roles(
      [
        'Investors will receive 0.85 Orion shares for each Silverlake share.',
        'Related parties shall disclose their interests within 10 days.',
        'By Closing, the Seller shall deliver the Products.',
        'Notices shall be sent to legal@acme.example within 5 days of any claim.',
        'The Licensee shall ensure that the Software is not reproduced.',
        'Share this article',
        'Investor Relations',
        'Orion will host a conference call and webcast at 8:00 a.m. ET today.',
      ].join('\n'),
    );
    expect(result.map(([, role]) => role)).toEqual([
      ...['body', 'body', 'body', 'body', 'body'],
      ...['noise', 'noise', 'noise'],
    ]);
  });

  it('keeps the third item of a lettered list, which is no copyright line', () => {
    const result = roles(
      [
        '(a) The Participants will exchange information.',
        '(b) The Participants will convene a Steering Committee.',
        '(c) Each Participant will designate a point of contact within 30 days.',
        '(c) Copyright Example Wire',
      ].join('\n'),
    );
    expect(result.map(([, role]) => role)).toEqual(['body', 'body', 'body', 'noise']);
  });

  it('treats recitals as recitals until the operative part starts', () => {
    const result = roles(
      [
        'RECITALS',
        'WHEREAS, Seller holds the lease;',
        'The Lender has agreed to make the facility available.',
        'NOW, THEREFORE, the Parties agree as follows:',
        '3.1 Seller shall deliver the Product.',
      ].join('\n'),
    );
    expect(result.map(([, role]) => role)).toEqual([
      'heading',
      'recital',
      'recital',
      'body',
      'body',
    ]);
  });

  it('skips forward-looking statement sections and definitions', () => {
    const result = roles(
      [
        'Forward-Looking Statements',
        'This release contains forward-looking statements.',
        'DEFINITIONS',
        '"Fiscal Year" means each twelve-month period ending on June 30.',
      ].join('\n'),
    );
    expect(result.map(([, role]) => role)).toEqual(['heading', 'noise', 'heading', 'definition']);
  });

  it('recognises status statements and disclaimers', () => {
    expect(isNonOperativeSentence('This Memorandum is not legally binding.')).toBe(true);
    expect(isNonOperativeSentence('Seller shall deliver the Product.')).toBe(false);
    expect(
      isNonOperativeSentence(
        'Statements in this release that will happen are forward-looking statements.',
      ),
    ).toBe(true);
    expect(
      isNonOperativeSentence(
        'The directors of Orion accept responsibility for the information contained in this announcement.',
      ),
    ).toBe(true);
  });

  it('reads a question as asking, not promising', () => {
    expect(isNonOperativeSentence('When will the smelter reach nameplate capacity?')).toBe(true);
    expect(isNonOperativeSentence('Will the dividend be paid in cash?"')).toBe(true);
    expect(isNonOperativeSentence('The Seller shall answer any question within 5 days.')).toBe(
      false,
    );
  });

  it('keeps commitments that only share words with a disclaimer', () => {
    expect(
      isNonOperativeSentence('The Parties will adopt a forward-looking minerals strategy by 2028.'),
    ).toBe(false);
    expect(
      isNonOperativeSentence(
        'The Contractor accepts responsibility for the works and shall remedy defects within 30 days.',
      ),
    ).toBe(false);
  });
});
