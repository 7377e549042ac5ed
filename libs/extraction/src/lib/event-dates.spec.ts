import { findEventDates } from './event-dates';

describe('event dates stated in the text', () => {
  it('reads an event "which is scheduled for" a date', () => {
    const events = findEventDates(
      'The company will hold its annual general meeting, which is scheduled for 18 June 2026.',
      null,
    );
    expect(events.get('annual general meeting')).toEqual({ year: 2026, month: 6, day: 18 });
  });

  it('reads an event that "will be held" somewhere on a date', () => {
    const events = findEventDates(
      'The ministerial meeting will be held in Tokyo on 15 March 2026.',
      null,
    );
    expect(events.get('ministerial meeting')).toEqual({ year: 2026, month: 3, day: 15 });
  });

  it('reads a thing "expected to be" done on a date as the event of its doing', () => {
    const events = findEventDates(
      'The channel is expected to be uploaded on August 1, 2010.',
      null,
    );
    expect(events.get('channel uploaded')).toEqual({ year: 2010, month: 8, day: 1 });
  });

  it('ignores an event whose date is not given', () => {
    expect(
      findEventDates('The Closing shall take place on the fifth Business Day.', null).size,
    ).toBe(0);
  });
});
