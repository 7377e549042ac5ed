import type { CalendarDate } from './calendar-date';
import { findDateMentions, resolveMention } from './date-mentions';
import { allMatches } from './matches';

// "its annual general meeting, which is scheduled for 18 June 2026"
const SCHEDULED =
  /\b((?:its|the|a)\s+[\w\s'-]{3,60}?),?\s+which\s+(?:is|has been)\s+(?:scheduled|set)\s+(?:to take place\s+)?(?:for|on)\s+/gi;
// "the ministerial meeting will be held in Tokyo on 15 March 2026", "the Closing shall occur on"
const TO_BE_HELD =
  /\b((?:its|the)\s+[\w'-]+(?:\s+[\w'-]+){0,5}?)\s+(?:will|shall|is to)\s+(?:be held|take place|occur|be convened|convene)(?:\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?\s+on\s+/gi;

// "The channel is expected to be uploaded on August 1, 2010": the event is the channel's
// upload, known as "channel uploaded" so that "the date on which the channel is uploaded" finds it.
const EXPECTED_PASSIVE =
  /\b(?:the|its)\s+([\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:is|are)\s+(?:expected|scheduled|planned|intended|due)\s+to\s+be\s+([a-z]+ed)\s+(?:on\s+)?/gi;

// A rule's compliance date, in its DATES paragraph: "Compliance date: Claimants must comply ...
// beginning September 1, 2025", "Compliance with the amended standards ... is required on and after
// December 18, 2028", "The compliance date is June 1, 2026".
const COMPLIANCE_DATE =
  /\b(?:compliance\s+date(?:\s*:|\s+(?:is|will\s+be|shall\s+be))|compliance\s+with\b[^.;]{0,160}?\b(?:is|will\s+be)\s+required)\s*/gi;

/** The key of an event stated as a thing and what is done to it: "channel uploaded". */
export function passiveEventKey(thing: string, participle: string): string {
  return `${thing.trim().toLowerCase().replace(/\s+/g, ' ')} ${participle.toLowerCase()}`;
}

/** Events the text dates in so many words, by their own name without its article. */
export function findEventDates(
  text: string,
  reference: CalendarDate | null,
): Map<string, CalendarDate> {
  const events = new Map<string, CalendarDate>();
  for (const re of [SCHEDULED, TO_BE_HELD]) {
    for (const m of allMatches(re, text)) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const [mention] = findDateMentions(after);
      const date = mention && mention.start === 0 ? resolveMention(mention, reference) : null;
      // The name starts after its last article: "the company will hold its annual general meeting".
      const name = (m[1] ?? '').toLowerCase().replace(/^.*\b(?:its|the|a)\s+/, '');
      if (date && !events.has(name)) events.set(name, date);
    }
  }
  for (const m of allMatches(COMPLIANCE_DATE, text)) {
    // The first date of the sentence it starts.
    const rest = text
      .slice(m.index + m[0].length, m.index + m[0].length + 200)
      .split(/[.;](?:\s|$)/)[0];
    const [mention] = findDateMentions(rest ?? '');
    const date = mention ? resolveMention(mention, reference) : null;
    if (date && !events.has('compliance date')) events.set('compliance date', date);
  }
  for (const m of allMatches(EXPECTED_PASSIVE, text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const [mention] = findDateMentions(after);
    const date = mention && mention.start === 0 ? resolveMention(mention, reference) : null;
    const key = passiveEventKey(m[1] ?? '', m[2] ?? '');
    if (date && !events.has(key)) events.set(key, date);
  }
  return events;
}
