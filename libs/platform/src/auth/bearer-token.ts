export type BearerToken =
  { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/** The credential of `Authorization: Bearer <credential>`, if the header is there and says so. */
export function bearerTokenOf(header: string | undefined): BearerToken {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
  return token === undefined ? { kind: 'malformed' } : { kind: 'token', token };
}

/** RFC 6750 `WWW-Authenticate` for a refused credential; its description must stay a quoted string. */
export function invalidTokenChallenge(reason: string): string {
  const description = reason.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '');
  return `Bearer realm="dealwatch", error="invalid_token", error_description="${description}"`;
}
