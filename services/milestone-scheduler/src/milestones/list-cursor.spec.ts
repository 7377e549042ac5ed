import { decodeCursor, encodeCursor } from './list-cursor';

describe('list cursor', () => {
  const id = '7d0f4f8e-3c1b-4a55-9a57-2b8c0e7a3f10';

  it('reads back what it wrote, for a dated milestone and a tracked one', () => {
    const dated = { dueAt: new Date('2026-04-28T09:00:00Z'), id };
    expect(decodeCursor(encodeCursor(dated))).toEqual(dated);
    expect(decodeCursor(encodeCursor({ dueAt: null, id }))).toEqual({ dueAt: null, id });
  });

  it('is opaque: URL-safe text with no JSON showing', () => {
    expect(encodeCursor({ dueAt: null, id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    'not base64 at all!',
    Buffer.from('{"id":1}').toString('base64url'),
    Buffer.from(JSON.stringify(['2026-04-28', id])).toString('base64url'),
    Buffer.from(JSON.stringify([null, 'nope'])).toString('base64url'),
    Buffer.from(JSON.stringify([null, id, 3])).toString('base64url'),
  ])('refuses %p with 400', (token) => {
    expect(() => decodeCursor(token)).toThrow('cursor is not one this API gave out');
  });
});
