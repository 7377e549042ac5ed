import { randomBytes } from 'node:crypto';

import { checkSignedLink, linkExpiry, signLink } from './signed-link';

describe('signed links', () => {
  const key = randomBytes(32);
  const expiresAt = new Date('2026-06-01T00:00:00Z');
  const exp = linkExpiry(expiresAt);
  const messageFor = (expiry: number) => `thing.42.${expiry}`;
  const link = { exp: String(exp), sig: signLink(messageFor(exp), key) };
  const before = new Date(expiresAt.getTime() - 1000);

  it('honours a link it signed until the second it expires', () => {
    expect(checkSignedLink(link, messageFor, key, before)).toBe('valid');
    expect(checkSignedLink(link, messageFor, key, expiresAt)).toBe('expired');
  });

  it('counts the expiry in whole seconds, rounded down', () => {
    expect(linkExpiry(new Date('2026-06-01T00:00:00.999Z'))).toBe(exp);
  });

  it('refuses a link whose message, expiry or key differ', () => {
    expect(checkSignedLink(link, (e) => `thing.43.${e}`, key, before)).toBe('invalid');
    expect(checkSignedLink({ ...link, exp: String(exp + 3600) }, messageFor, key, before)).toBe(
      'invalid',
    );
    expect(checkSignedLink(link, messageFor, randomBytes(32), before)).toBe('invalid');
  });

  it.each([
    ['a missing expiry', { exp: undefined }],
    ['a repeated expiry', { exp: [String(exp), String(exp)] }],
    ['a word for an expiry', { exp: 'soon' }],
    ['a missing signature', { sig: undefined }],
    ['a signature of the wrong length', { sig: 'AAAA' }],
    ['a signature outside base64url', { sig: 'not base64url!' }],
  ])('answers invalid, without throwing, for %s', (_, change) => {
    expect(checkSignedLink({ ...link, ...change }, messageFor, key, before)).toBe('invalid');
  });
});
