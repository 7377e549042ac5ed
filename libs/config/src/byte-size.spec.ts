import { byteSizeOf } from './byte-size';

describe('a size setting', () => {
  it.each([
    ['20mb', 20 * 1024 * 1024],
    ['512KB', 512 * 1024],
  ])('reads %s as %d bytes', (size, bytes) => {
    expect(byteSizeOf(size)).toBe(bytes);
  });

  it('refuses a size without its unit', () => {
    expect(() => byteSizeOf('20')).toThrow('20 is not a size such as 20mb');
  });
});
