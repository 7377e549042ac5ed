import { MAX_EVENT_VALUE_BYTES, Topics } from '@dealwatch/contracts';

import type { EntityManager } from 'typeorm';

import { EventOutbox, EventTooLargeError } from './event-outbox';

describe('EventOutbox', () => {
  it('refuses an event no topic would take, before it writes anything', async () => {
    const untouched = new Proxy({} as EntityManager, {
      get: () => {
        throw new Error('the outbox wrote although the event is too large');
      },
    });
    const payload = {
      agreementId: '0b0c7d3e-6f1a-4c1e-9d55-5a3c2b1f0e11',
      title: null,
      text: 'x'.repeat(MAX_EVENT_VALUE_BYTES),
      contentSha256: 'c'.repeat(64),
      sourceUrl: null,
      publishedAt: null,
      signedAt: null,
      ingestedAt: '2025-10-28T10:00:00Z',
    };
    const appended = new EventOutbox('/dealwatch/test').append(
      untouched,
      Topics.AgreementIngestedV1,
      payload,
      { subject: payload.agreementId },
    );
    await expect(appended).rejects.toThrow(EventTooLargeError);
    await expect(appended).rejects.toMatchObject({
      topic: Topics.AgreementIngestedV1,
      bytes: Buffer.byteLength(JSON.stringify(payload)),
    });
  });
});
