import 'reflect-metadata';

import { parseEventPayload } from './parse-event-payload';
import { Topics } from './topics';

const validIngested = {
  agreementId: '0b0c7d3e-6f1a-4c1e-9d55-5a3c2b1f0e11',
  title: 'US, Japan Sign Framework Deal',
  text: 'The two countries will provide financing within six months.',
  contentSha256: 'a'.repeat(64),
  sourceUrl: 'https://example.org/story',
  publishedAt: '2025-10-28',
  signedAt: null,
  ingestedAt: '2025-10-28T10:00:00.000Z',
};

describe('parseEventPayload', () => {
  it('accepts a well-formed payload and returns an instance of its class', () => {
    const result = parseEventPayload(Topics.AgreementIngestedV1, JSON.stringify(validIngested));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.publishedAt).toBe('2025-10-28');
  });

  it('tolerates fields it does not know (a tolerant reader)', () => {
    const result = parseEventPayload(
      Topics.AgreementIngestedV1,
      JSON.stringify({ ...validIngested, extra: 1 }),
    );
    expect(result.ok).toBe(true);
  });

  it('names the field that is wrong', () => {
    const result = parseEventPayload(
      Topics.AgreementIngestedV1,
      JSON.stringify({ ...validIngested, publishedAt: '28/10/2025' }),
    );
    expect(result).toEqual({ ok: false, error: expect.stringContaining('publishedAt') });
  });

  it('names nested fields by path', () => {
    const extracted = {
      agreementId: validIngested.agreementId,
      extractionId: '3f1e0a52-1b9c-4b9e-8d2a-6f4c0e7b9a10',
      extractorVersion: 'test',
      extractedAt: '2025-10-28T10:00:00Z',
      title: null,
      publishedAt: null,
      signedAt: null,
      effectiveAt: null,
      parties: [],
      obligations: [
        {
          obligationKey: 'k',
          text: 't',
          span: [0, 'x'],
          actors: [],
          action: 'a',
          category: 'other',
          binding: true,
          confidence: 0.5,
          deadline: null,
        },
      ],
    };
    const result = parseEventPayload(Topics.ClausesExtractedV1, JSON.stringify(extracted));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('obligations.0.span') });
  });

  it.each([
    ['garbage bytes', Buffer.from([0xff, 0x00, 0x13]), 'not JSON'],
    ['an empty value', null, 'no value'],
    ['a JSON array', '[]', 'not a JSON object'],
  ])('rejects %s', (_label, raw, reason) => {
    expect(parseEventPayload(Topics.AgreementIngestedV1, raw)).toEqual({
      ok: false,
      error: expect.stringContaining(reason),
    });
  });
});
