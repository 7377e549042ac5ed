import { isAllowlistEntry } from './is-outbound-allowlist';
import { OutboundAllowlist, isPublicAddress } from './outbound-allowlist';

describe('isPublicAddress', () => {
  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'])(
    'accepts the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    ['loopback', '127.0.0.1'],
    ['IPv6 loopback', '::1'],
    ['a private range', '10.1.2.3'],
    ['another private range', '192.168.0.10'],
    ['link-local (cloud metadata)', '169.254.169.254'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['unspecified', '0.0.0.0'],
    ['IPv6 unique local', 'fd00::1'],
    ['loopback hidden in IPv4-mapped IPv6', '::ffff:127.0.0.1'],
  ])('refuses %s (%s)', (_label, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('OutboundAllowlist', () => {
  const allowlist = OutboundAllowlist.parse([
    '127.0.0.1',
    '10.0.0.0/8',
    'hooks.internal',
    '*.corp.example',
    ' ',
  ]);

  it('allows single addresses and CIDR ranges', () => {
    expect(allowlist.allowsAddress('127.0.0.1')).toBe(true);
    expect(allowlist.allowsAddress('10.200.0.7')).toBe(true);
    expect(allowlist.allowsAddress('127.0.0.2')).toBe(false);
    expect(allowlist.allowsAddress('::ffff:10.0.0.1')).toBe(true);
  });

  it('allows named hosts and subdomains of a wildcard, case-insensitively', () => {
    expect(allowlist.allowsHost('hooks.internal')).toBe(true);
    expect(allowlist.allowsHost('CHAT.corp.example')).toBe(true);
    expect(allowlist.allowsHost('corp.example.evil.org')).toBe(false);
    expect(allowlist.allowsHost('other.internal')).toBe(false);
  });

  it('allows nothing when empty', () => {
    expect(OutboundAllowlist.empty.allowsAddress('127.0.0.1')).toBe(false);
    expect(OutboundAllowlist.empty.allowsHost('localhost')).toBe(false);
  });

  it('rejects an entry that is no host, address or range', () => {
    expect(() => OutboundAllowlist.parse(['10.0.0.0/99'])).toThrow();
  });
});

describe('isAllowlistEntry', () => {
  it.each(['127.0.0.1', '10.0.0.0/8', 'hooks.internal', '*.corp.example', 'fd00::/8'])(
    'accepts %s',
    (entry) => {
      expect(isAllowlistEntry(entry)).toBe(true);
    },
  );

  it.each(['10.0.0.0/99', 'http://host', 'two words', ''])('refuses %p', (entry) => {
    expect(isAllowlistEntry(entry)).toBe(false);
  });
});
