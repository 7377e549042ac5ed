import { randomBytes } from 'node:crypto';

import { ackLink, checkAckLink } from './ack-link';

const key = randomBytes(32);
const alertId = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const expiresAt = new Date('2026-04-28T09:00:00.000Z');
const before = new Date('2026-04-21T09:00:00.000Z');

function partsOf(link: string) {
  const url = new URL(link);
  return {
    exp: url.searchParams.get('exp')!,
    sig: url.searchParams.get('sig')!,
    path: url.pathname,
  };
}

describe('ack links', () => {
  it('are honoured for their alert until they expire', () => {
    const link = ackLink('https://alerts.example/', alertId, expiresAt, key);
    const { exp, sig, path } = partsOf(link);
    expect(path).toBe(`/v1/alerts/${alertId}/ack`);
    expect(exp).toBe(String(expiresAt.getTime() / 1000));
    expect(checkAckLink(alertId, exp, sig, key, before)).toBe('valid');
    expect(checkAckLink(alertId, exp, sig, key, expiresAt)).toBe('expired');
  });

  it('are refused for another alert, another expiry, another key, or a forged signature', () => {
    const { exp, sig } = partsOf(ackLink('https://alerts.example', alertId, expiresAt, key));
    const otherAlert = '0b6f4f5e-2a8e-4c4b-9a57-7e1f3c2d1a00';
    expect(checkAckLink(otherAlert, exp, sig, key, before)).toBe('invalid');
    expect(checkAckLink(alertId, String(Number(exp) + 3600), sig, key, before)).toBe('invalid');
    expect(checkAckLink(alertId, exp, sig, randomBytes(32), before)).toBe('invalid');
    expect(checkAckLink(alertId, exp, 'AAAA', key, before)).toBe('invalid');
    expect(checkAckLink(alertId, 'soon', sig, key, before)).toBe('invalid');
  });
});
