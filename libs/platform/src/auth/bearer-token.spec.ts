import { bearerTokenOf, invalidTokenChallenge } from './bearer-token';

describe('bearerTokenOf', () => {
  it('reads the credential of a Bearer header, whatever the scheme’s case', () => {
    expect(bearerTokenOf('Bearer dwk_abc')).toEqual({ kind: 'token', token: 'dwk_abc' });
    expect(bearerTokenOf('bearer  a.b.c ')).toEqual({ kind: 'token', token: 'a.b.c' });
  });

  it('tells a missing header from one of another scheme', () => {
    expect(bearerTokenOf(undefined)).toEqual({ kind: 'none' });
    expect(bearerTokenOf(' ')).toEqual({ kind: 'none' });
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toEqual({ kind: 'malformed' });
    expect(bearerTokenOf('Bearer')).toEqual({ kind: 'malformed' });
    expect(bearerTokenOf('Bearer two words')).toEqual({ kind: 'malformed' });
  });
});

describe('invalidTokenChallenge', () => {
  it('keeps the description a valid quoted string', () => {
    expect(invalidTokenChallenge('token "x" expired\\n')).toBe(
      `Bearer realm="dealwatch", error="invalid_token", error_description="token 'x' expired'n"`,
    );
  });
});
