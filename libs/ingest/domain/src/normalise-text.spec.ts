import { contentDigest, normaliseText } from './normalise-text';

describe('normaliseText', () => {
  it('unifies line endings and drops a byte-order mark and trailing space', () => {
    expect(normaliseText('\uFEFFline one\r\nline two\rline three\n\n  ')).toBe(
      'line one\nline two\nline three',
    );
  });

  it('keeps leading space and inner spacing, so offsets match what a person reads', () => {
    expect(normaliseText(' date 2025-10-28  x')).toBe(' date 2025-10-28  x');
  });
});

describe('contentDigest', () => {
  it('is the same for documents that differ only in line endings', () => {
    expect(contentDigest(normaliseText('a\r\nb'))).toBe(contentDigest(normaliseText('a\nb')));
  });

  it('differs when the words differ', () => {
    expect(contentDigest('within six months')).not.toBe(contentDigest('within seven months'));
  });

  it('is hex SHA-256', () => {
    expect(contentDigest('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
