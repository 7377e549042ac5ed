import { generateApiKey, hashApiKey, parseApiKey, sameHash } from './api-key-format';

describe('API keys', () => {
  it('are dwk_<id>_<secret> with a 16-hex-digit id and 256 random bits', () => {
    const { id, key, hash } = generateApiKey();
    expect(key).toMatch(/^dwk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`dwk_${id}_`)).toBe(true);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(generateApiKey().key).not.toBe(key);
  });

  it('parse to their id, even when the secret holds the separator', () => {
    const key = `dwk_0123456789abcdef_${'_'.repeat(10)}${'A'.repeat(33)}`;
    expect(parseApiKey(key)).toEqual({ id: '0123456789abcdef' });
  });

  it('refuse anything else', () => {
    for (const token of [
      '',
      'dwk_',
      'dwk_0123456789abcdef',
      'dwk_0123456789ABCDEF_' + 'a'.repeat(43),
      'dwk_0123456789abcdef_' + 'a'.repeat(42),
      'dwk_0123456789abcdef_' + 'a'.repeat(44),
      'dwk_0123456789abcdef_' + 'a'.repeat(42) + '=',
      'xyz_0123456789abcdef_' + 'a'.repeat(43),
    ]) {
      expect(parseApiKey(token)).toBeNull();
    }
  });

  it('compare hashes in full', () => {
    const hash = hashApiKey('one');
    expect(sameHash(hash, hashApiKey('one'))).toBe(true);
    expect(sameHash(hash, hashApiKey('two'))).toBe(false);
    expect(sameHash(hash, hash.slice(0, 62))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});
