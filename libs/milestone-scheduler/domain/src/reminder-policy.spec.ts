import { parseReminderPolicies } from './reminder-policy';

const fallback = { offsets: ['P1D'], timeOfDay: '09:00', skipWeekends: false, holidays: null };

describe('parseReminderPolicies', () => {
  it('reads named policies, filling left-out settings from the fallback', () => {
    const result = parseReminderPolicies(
      {
        default: {
          offsets: ['P30D', 'PT0S'],
          timeOfDay: '08:30',
          skipWeekends: true,
          holidays: 'US',
        },
        tight: { offsets: ['PT1H'] },
      },
      fallback,
    );
    expect(result).toEqual({
      ok: true,
      policies: {
        default: {
          offsets: ['P30D', 'PT0S'],
          timeOfDay: '08:30',
          skipWeekends: true,
          holidays: 'US',
        },
        tight: { offsets: ['PT1H'], timeOfDay: '09:00', skipWeekends: false, holidays: null },
      },
    });
  });

  it('keeps the fallback as the default policy when none is configured', () => {
    expect(parseReminderPolicies({}, fallback)).toEqual({
      ok: true,
      policies: { default: fallback },
    });
  });

  it('lists every error at once, naming the policy and the setting', () => {
    const result = parseReminderPolicies(
      {
        default: { offsets: ['7 days'], timeOfDay: '9am' },
        'bad name!': {},
        weekend: { skipWeekends: 'yes', holidays: 'XX', colour: 'red' },
      },
      fallback,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'default.offsets: must be a list of ISO 8601 durations, e.g. ["P7D","PT0S"]',
        'default.timeOfDay: must be HH:MM, e.g. "09:00"',
        'policy name "bad name!" must be 1-50 letters, digits, "-" or "_"',
        'weekend.colour: unknown setting',
        'weekend.skipWeekends: must be true or false',
        'weekend.holidays: must be a country code the holiday data knows, e.g. "US"',
      ],
    });
    expect(parseReminderPolicies([], fallback)).toEqual({
      ok: false,
      errors: ['must be an object of named policies'],
    });
  });
});
