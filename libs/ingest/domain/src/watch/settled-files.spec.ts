import { freeName, isDocumentName, reasonFileName, settledFiles } from './settled-files';
import type { FileObservation } from './settled-files';

const file = (name: string, size: number, modifiedMs = 1_000): FileObservation => ({
  name,
  size,
  modifiedMs,
});
const seen = (...files: FileObservation[]) => new Map(files.map((one) => [one.name, one]));

describe('settledFiles', () => {
  it('takes a file that two polls saw with the same size and modification time', () => {
    expect(settledFiles(seen(file('a.pdf', 10)), [file('a.pdf', 10)])).toEqual([file('a.pdf', 10)]);
  });

  it('leaves a file seen for the first time, as after a restart, for the next poll', () => {
    expect(settledFiles(seen(), [file('a.pdf', 10)])).toEqual([]);
  });

  it('leaves a file that is still growing or was rewritten', () => {
    expect(settledFiles(seen(file('a.pdf', 10)), [file('a.pdf', 20)])).toEqual([]);
    expect(settledFiles(seen(file('a.pdf', 10, 1)), [file('a.pdf', 10, 2)])).toEqual([]);
  });

  it('never takes hidden or partial downloads, nor the reasons written for failed files', () => {
    const names = ['.~lock.a.docx', 'a.pdf.part', 'b.crdownload', 'c.tmp', 'd.pdf.reason.txt'];
    const files = names.map((name) => file(name, 1));
    expect(settledFiles(seen(...files), files)).toEqual([]);
    expect(isDocumentName('framework.pdf')).toBe(true);
  });
});

describe('freeName', () => {
  it('keeps the name when nothing of that name was moved before', () => {
    expect(freeName('a.txt', new Set(['b.txt']))).toBe('a.txt');
  });

  it('numbers a later file of the same name before its extension', () => {
    expect(freeName('a.txt', new Set(['a.txt', 'a-1.txt']))).toBe('a-2.txt');
    expect(freeName('README', new Set(['README']))).toBe('README-1');
  });
});

describe('reasonFileName', () => {
  it('puts the reason next to the file, under the file name', () => {
    expect(reasonFileName('scan.pdf')).toBe('scan.pdf.reason.txt');
  });
});
