import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
export const STORED = 0;
export const DEFLATED = 8;

/** One file of a ZIP archive as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared: a hostile archive may lie, so inflating must not trust it. */
  uncompressedSize: number;
  localOffset: number;
}

/**
 * The entries of a ZIP archive's central directory, or null when the bytes are not a ZIP archive
 * (or its directory is cut short).
 */
export function zipEntries(archive: Buffer): ZipEntry[] | null {
  const end = findEndOfCentralDirectory(archive);
  if (end < 0) return null;
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY)
      return null;
    const nameLength = archive.readUInt16LE(offset + 28);
    entries.push({
      name: archive.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: archive.readUInt16LE(offset + 10),
      compressedSize: archive.readUInt32LE(offset + 20),
      uncompressedSize: archive.readUInt32LE(offset + 24),
      localOffset: archive.readUInt32LE(offset + 42),
    });
    offset +=
      46 + nameLength + archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32);
  }
  return entries;
}

/**
 * One file out of a ZIP archive (DOCX is one), or null when it is absent. Enough of the format for
 * the small XML parts of an Office document; mammoth reads the body itself. Never inflates past
 * the size the directory declares.
 */
export function readZipEntry(archive: Buffer, name: string): Buffer | null {
  const entry = zipEntries(archive)?.find((candidate) => candidate.name === name);
  return entry ? entryData(archive, entry) : null;
}

/** The entry's bytes; throws a RangeError if it inflates past its declared size. */
export function entryData(archive: Buffer, entry: ZipEntry): Buffer | null {
  const offset = entry.localOffset;
  if (offset + 30 > archive.length || archive.readUInt32LE(offset) !== LOCAL_HEADER) return null;
  const start = offset + 30 + archive.readUInt16LE(offset + 26) + archive.readUInt16LE(offset + 28);
  const data = archive.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return data;
  if (entry.method === DEFLATED)
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  return null;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let offset = archive.length - 22; offset >= Math.max(0, archive.length - 65_557); offset--) {
    if (archive.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}
