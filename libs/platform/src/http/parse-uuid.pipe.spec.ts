import { timeOrderedUuid } from '@dealwatch/persistence';

import { randomUUID } from 'node:crypto';

import { ParseUuidPipe } from './parse-uuid.pipe';

describe('ParseUuidPipe', () => {
  const metadata = { type: 'param' as const, data: 'agreementId' };

  it.each([
    ['random (version 4), as rows made before time-ordered ids', randomUUID()],
    ['time-ordered (version 7), as the services make them', timeOrderedUuid()],
  ])('passes a UUID through: %s', async (_, id) => {
    await expect(new ParseUuidPipe().transform(id, metadata)).resolves.toBe(id);
  });

  it('refuses anything else with a validation problem naming the parameter', async () => {
    const refusal = new ParseUuidPipe().transform('../etc/passwd', metadata);
    await expect(refusal).rejects.toMatchObject({
      response: {
        status: 400,
        type: 'https://dealwatch.dev/problems/validation',
        detail: 'agreementId must be a UUID',
        errors: [{ field: 'agreementId', message: 'agreementId must be a UUID' }],
      },
    });
  });
});
