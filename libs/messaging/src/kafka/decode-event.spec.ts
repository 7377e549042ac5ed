import { Topics } from '@dealwatch/contracts';

import type { KafkaMessage } from 'kafkajs';

import { decodeEvent } from './decode-event';

const payload = {
  agreementId: '0b0c7d3e-6f1a-4c1e-9d55-5a3c2b1f0e11',
  title: null,
  text: 'The parties will meet within 180 days.',
  contentSha256: 'c'.repeat(64),
  sourceUrl: null,
  publishedAt: null,
  signedAt: null,
  ingestedAt: '2025-10-28T10:00:00Z',
};

function message(
  headers: Record<string, string>,
  value: string = JSON.stringify(payload),
): KafkaMessage {
  return {
    key: Buffer.from(payload.agreementId),
    value: Buffer.from(value),
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, text]) => [name, Buffer.from(text)]),
    ),
    offset: '7',
    timestamp: '0',
    attributes: 0,
  };
}

const envelope = {
  ce_specversion: '1.0',
  ce_id: 'event-1',
  ce_type: Topics.AgreementIngestedV1,
  ce_source: '/dealwatch/ingest',
  ce_time: '2025-10-28T10:00:00Z',
};

describe('decodeEvent', () => {
  it('reads the envelope and the validated payload', () => {
    const result = decodeEvent(
      Topics.AgreementIngestedV1,
      message({ ...envelope, ce_correlationid: 'request-9' }),
    );
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({
        envelope: expect.objectContaining({
          id: 'event-1',
          correlationId: 'request-9',
          subject: payload.agreementId,
        }),
      }),
    });
  });

  it('falls back to the event id as correlation id', () => {
    const result = decodeEvent(Topics.AgreementIngestedV1, message(envelope));
    expect(result.ok && result.event.envelope.correlationId).toBe('event-1');
  });

  it('names the missing CloudEvents headers', () => {
    const { ce_id: _id, ce_time: _time, ...partial } = envelope;
    expect(decodeEvent(Topics.AgreementIngestedV1, message(partial))).toEqual({
      ok: false,
      error: 'missing CloudEvents headers: ce_id, ce_time',
    });
  });

  it('refuses another spec version and another event type', () => {
    expect(
      decodeEvent(Topics.AgreementIngestedV1, message({ ...envelope, ce_specversion: '0.3' })),
    ).toEqual({
      ok: false,
      error: expect.stringContaining('unsupported ce_specversion'),
    });
    expect(
      decodeEvent(
        Topics.AgreementIngestedV1,
        message({ ...envelope, ce_type: 'dealwatch.agreement.ingested.v2' }),
      ),
    ).toEqual({ ok: false, error: expect.stringContaining('unsupported ce_type') });
  });

  it('reports an invalid payload with the field at fault', () => {
    expect(
      decodeEvent(
        Topics.AgreementIngestedV1,
        message(envelope, JSON.stringify({ ...payload, agreementId: 7 })),
      ),
    ).toEqual({
      ok: false,
      error: expect.stringContaining('agreementId'),
    });
  });
});
