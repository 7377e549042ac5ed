import { isCalendarDate, isInstant } from './date-validators';

describe('calendar dates', () => {
  it.each(['2026-04-28', '2024-02-29'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each(['2025-02-29', '2026-13-01', '2026-4-28', '2026-04-28T00:00:00Z', 20260428, null])(
    'rejects %p',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});

describe('instants', () => {
  it.each(['2026-04-28T09:00:00Z', '2026-04-28T09:00:00.123+09:00'])('accepts %s', (value) => {
    expect(isInstant(value)).toBe(true);
  });

  it.each(['2026-04-28', '2026-04-28T09:00:00', 'yesterday'])(
    'rejects %p (no offset or no time)',
    (value) => {
      expect(isInstant(value)).toBe(false);
    },
  );
});
