import { ParseUuidPipe } from './parse-uuid.pipe';

describe('ParseUuidPipe', () => {
  const metadata = { type: 'param' as const, data: 'agreementId' };

  it('passes a UUID through', async () => {
    const id = '7d3c1c2e-4d4b-4f7e-9a57-8a2f3b5c6d7e';
    await expect(new ParseUuidPipe({ version: '4' }).transform(id, metadata)).resolves.toBe(id);
  });

  it('refuses anything else with a validation problem naming the parameter', async () => {
    const refusal = new ParseUuidPipe({ version: '4' }).transform('../etc/passwd', metadata);
    await expect(refusal).rejects.toMatchObject({
      response: {
        status: 400,
        type: 'https://dealwatch.dev/problems/validation',
        detail: 'agreementId must be a UUID (version 4)',
        errors: [{ field: 'agreementId', message: 'agreementId must be a UUID (version 4)' }],
      },
    });
  });
});
