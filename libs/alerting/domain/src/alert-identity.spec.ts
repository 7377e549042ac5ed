import { alertIdFor, deliveredEventIdFor, uuidV5 } from './alert-identity';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV5', () => {
  it('matches the published example: python.org in the DNS namespace', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('alertIdFor', () => {
  const reminderId = '0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a00';

  it('gives a reminder the same alert id every time, whatever the case of its id', () => {
    expect(alertIdFor(reminderId)).toBe(alertIdFor(reminderId.toUpperCase()));
  });

  it('is a version 5 UUID distinct from the reminder id', () => {
    expect(alertIdFor(reminderId)).toMatch(UUID_V5);
    expect(alertIdFor(reminderId)).not.toBe(reminderId);
  });

  it('differs between reminders', () => {
    expect(alertIdFor(reminderId)).not.toBe(alertIdFor('0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a01'));
  });
});

describe('deliveredEventIdFor', () => {
  it('is stable per delivery and not the alert id of the same input', () => {
    const id = '9d2c7f4a-1b3e-4d5f-8a6b-0c1d2e3f4a5b';
    expect(deliveredEventIdFor(id)).toBe(deliveredEventIdFor(id));
    expect(deliveredEventIdFor(id)).not.toBe(alertIdFor(id));
  });
});
