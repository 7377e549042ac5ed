import 'reflect-metadata';

import {
  MAX_EVENT_VALUE_BYTES,
  MAX_EXTRACTION_EVENT_VALUE_BYTES,
  topicMaxMessageBytes,
} from './envelope/cloud-event-headers';
import { parseEventPayload } from './parse-event-payload';
import { Topics } from './topics';
import { validPayloads } from './valid-payloads.fixture';

const validIngested = validPayloads[Topics.AgreementIngestedV1];

describe('parseEventPayload', () => {
  it('accepts a well-formed payload and returns its fields', () => {
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
    ['garbage bytes', Buffer.from([0xff, 0x00, 0x13]), 'not valid UTF-8'],
    ['text that is not JSON', 'agreement ingested', 'not JSON'],
    ['an empty value', null, 'no value'],
    ['a JSON array', '[]', 'not a JSON object'],
  ])('rejects %s', (_label, raw, reason) => {
    expect(parseEventPayload(Topics.AgreementIngestedV1, raw)).toEqual({
      ok: false,
      error: expect.stringContaining(reason),
    });
  });

  it('refuses bytes that are not UTF-8 instead of reading them with replacement characters', () => {
    const json = Buffer.from(JSON.stringify({ ...validIngested, text: 'Paris ##' }));
    const latin1 = Buffer.from(json.toString().replace('##', '\u00e9t\u00e9'), 'latin1');
    expect(parseEventPayload(Topics.AgreementIngestedV1, latin1)).toEqual({
      ok: false,
      error: 'value is not valid UTF-8',
    });
  });

  it('refuses an unpaired surrogate, which is no Unicode text, and reads a pair', () => {
    for (const text of ['lone \ud800 high', 'lone \udfff low', 'reversed \udf0f\ud83c']) {
      const raw = JSON.stringify({ ...validIngested, text });
      expect(parseEventPayload(Topics.AgreementIngestedV1, raw)).toEqual({
        ok: false,
        error: 'value holds an unpaired surrogate (a \\udXXX escape)',
      });
    }
    const escapedPair = JSON.stringify({ ...validIngested, text: 'globe' }).replace(
      'globe',
      '\\uD83C\\uDF0F and the text \\\\ud800',
    );
    const result = parseEventPayload(Topics.AgreementIngestedV1, escapedPair);
    expect(result.ok && result.value.text).toBe('\ud83c\udf0f and the text \\ud800');
  });

  it('reads text in any script when it is UTF-8', () => {
    const text = '両国は六か月以内に資金を提供する。 ستقدم الدولتان التمويل خلال ستة أشهر.';
    const result = parseEventPayload(
      Topics.AgreementIngestedV1,
      Buffer.from(JSON.stringify({ ...validIngested, text })),
    );
    expect(result.ok && result.value.text).toBe(text);
  });

  it('refuses a value over the event size limit before parsing it', () => {
    const oversized = JSON.stringify({
      ...validIngested,
      text: 'x'.repeat(MAX_EVENT_VALUE_BYTES),
    });
    expect(parseEventPayload(Topics.AgreementIngestedV1, oversized)).toEqual({
      ok: false,
      error: `value is ${Buffer.byteLength(oversized)} bytes, over the ${MAX_EVENT_VALUE_BYTES}-byte limit of an event`,
    });
  });

  describe('an extraction, which may be larger than the text it reads', () => {
    const extracted = validPayloads[Topics.ClausesExtractedV1];
    const withObligations = (count: number) =>
      JSON.stringify({
        ...extracted,
        obligations: Array.from({ length: count }, () => extracted.obligations[0]),
      });

    it("takes an extraction over the other topics' limit, up to its own", () => {
      const large = withObligations(6_000);
      expect(Buffer.byteLength(large)).toBeGreaterThan(MAX_EVENT_VALUE_BYTES);
      expect(Buffer.byteLength(large)).toBeLessThan(MAX_EXTRACTION_EVENT_VALUE_BYTES);
      const result = parseEventPayload(Topics.ClausesExtractedV1, large);
      expect(result.ok && result.value.obligations).toHaveLength(6_000);
    });

    it('refuses one over its own limit, naming it', () => {
      const oversized = withObligations(30_000);
      expect(parseEventPayload(Topics.ClausesExtractedV1, oversized)).toEqual({
        ok: false,
        error: `value is ${Buffer.byteLength(oversized)} bytes, over the ${MAX_EXTRACTION_EVENT_VALUE_BYTES}-byte limit of an event`,
      });
    });

    it('has its topic take a record batch of its largest value with its headers', () => {
      expect(topicMaxMessageBytes(Topics.ClausesExtractedV1)).toBe(4_048_588);
      expect(topicMaxMessageBytes(Topics.AgreementIngestedV1)).toBeNull();
    });
  });
});
