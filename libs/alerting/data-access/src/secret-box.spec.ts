import { randomBytes } from 'node:crypto';

import { SecretBox, SecretBoxError } from './secret-box';

const key = randomBytes(32).toString('base64');

describe('SecretBox', () => {
  const box = new SecretBox(key);

  it('opens what it sealed, and seals the same text differently each time', () => {
    const first = box.seal('whsec_c2VjcmV0', 'receiver-1');
    const second = box.seal('whsec_c2VjcmV0', 'receiver-1');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toContain('c2VjcmV0');
    expect(box.open(first, 'receiver-1')).toBe('whsec_c2VjcmV0');
  });

  it('refuses a secret moved to another row, a tampered one and another key', () => {
    const sealed = box.seal('https://hooks.slack.com/services/T0/B0/token', 'receiver-1');
    expect(() => box.open(sealed, 'receiver-2')).toThrow(SecretBoxError);
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      box.open([version, iv, tag, flipped.toString('base64url')].join('.'), 'receiver-1'),
    ).toThrow(SecretBoxError);
    expect(() =>
      new SecretBox(randomBytes(32).toString('base64')).open(sealed, 'receiver-1'),
    ).toThrow(/does not decrypt/);
    expect(() => box.open('plain text', 'receiver-1')).toThrow(/not a sealed secret/);
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
