import { randomBytes } from 'node:crypto';

import {
  calendarLink,
  calendarLinkValidityMs,
  canonicalQuery,
  checkCalendarLink,
} from './calendar-link';
import type { QueryParameters } from './calendar-link';

const secret = randomBytes(32);
const expiresAt = new Date('2027-01-05T00:00:00.000Z');
const before = new Date('2026-06-01T00:00:00.000Z');
const filters = { owner: 'ops@example.org', category: 'report', agreementId: undefined };

/** The path and query of a link as the HTTP framework hands them to the feed. */
function requestOf(link: string): { path: string; query: QueryParameters } {
  const url = new URL(link);
  const query: QueryParameters = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? values[0] : values;
  }
  return { path: url.pathname, query };
}

describe('calendar links', () => {
  it('carry the filters and expiry in canonical order, and are honoured until they expire', () => {
    const link = calendarLink('https://dealwatch.example/', filters, expiresAt, secret);
    expect(link).toMatch(
      /^https:\/\/dealwatch\.example\/v1\/calendar\.ics\?category=report&exp=1799107200&owner=ops%40example\.org&sig=[\w-]{43}$/,
    );
    const { path, query } = requestOf(link);
    expect(checkCalendarLink(path, query, secret, before)).toBe('valid');
    expect(checkCalendarLink(path, query, secret, expiresAt)).toBe('expired');
  });

  it('are refused when a filter is changed, added or removed', () => {
    const { path, query } = requestOf(
      calendarLink('https://d.example', filters, expiresAt, secret),
    );
    const check = (changed: QueryParameters) => checkCalendarLink(path, changed, secret, before);
    expect(check({ ...query, owner: 'someone@example.org' })).toBe('invalid');
    expect(check({ ...query, party: 'Japan' })).toBe('invalid');
    expect(check({ ...query, category: undefined })).toBe('invalid');
    expect(check({ ...query, owner: ['ops@example.org', 'x@example.org'] })).toBe('invalid');
  });

  it('are refused with a later expiry, on another path, or signed with another secret', () => {
    const { path, query } = requestOf(
      calendarLink('https://d.example', filters, expiresAt, secret),
    );
    expect(checkCalendarLink(path, { ...query, exp: '1899107200' }, secret, before)).toBe(
      'invalid',
    );
    expect(checkCalendarLink('/v1/milestones', query, secret, before)).toBe('invalid');
    expect(checkCalendarLink(path, query, randomBytes(32), before)).toBe('invalid');
  });

  it('are refused without a well-formed expiry and signature', () => {
    const { path, query } = requestOf(calendarLink('https://d.example', {}, expiresAt, secret));
    expect(checkCalendarLink(path, { ...query, sig: undefined }, secret, before)).toBe('invalid');
    expect(checkCalendarLink(path, { ...query, exp: undefined }, secret, before)).toBe('invalid');
    expect(checkCalendarLink(path, { ...query, exp: ['1', '2'] }, secret, before)).toBe('invalid');
    expect(checkCalendarLink(path, { ...query, sig: 'not base64url!' }, secret, before)).toBe(
      'invalid',
    );
  });
});

describe('canonicalQuery', () => {
  it('sorts by name then value, leaves out the signature and percent-encodes', () => {
    expect(canonicalQuery({ party: ['b', 'a'], exp: '9', sig: 'x', owner: 'a b&c=d' })).toBe(
      'exp=9&owner=a%20b%26c%3Dd&party=a&party=b',
    );
  });
});

describe('calendarLinkValidityMs', () => {
  it('reads a validity of up to two years', () => {
    expect(calendarLinkValidityMs('P1Y')).toBe(365 * 86_400_000);
    expect(calendarLinkValidityMs('PT1H')).toBe(3_600_000);
    expect(calendarLinkValidityMs('P2Y')).toBe(730 * 86_400_000);
  });

  it('refuses a zero, malformed or longer validity', () => {
    expect(calendarLinkValidityMs('PT0S')).toBeNull();
    expect(calendarLinkValidityMs('one year')).toBeNull();
    expect(calendarLinkValidityMs('P731D')).toBeNull();
    expect(calendarLinkValidityMs('P3Y')).toBeNull();
  });
});
