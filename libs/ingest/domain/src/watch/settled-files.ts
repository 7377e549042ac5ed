/** A file as one poll of the watched folder saw it. */
export interface FileObservation {
  name: string;
  size: number;
  modifiedMs: number;
}

/** Names editors, browsers and copy tools give a file while they are still writing it. */
const IN_PROGRESS = /^\.|\.(?:part|partial|tmp|crdownload|download|swp)$/i;
const REASON_SUFFIX = '.reason.txt';

/** Whether a file in the watched folder is a document to take at all. */
export function isDocumentName(name: string): boolean {
  return !IN_PROGRESS.test(name) && !name.endsWith(REASON_SUFFIX);
}

/**
 * The files that are done being written: seen by the previous poll with the same size and
 * modification time. A file still growing, or seen for the first time (also after a restart), waits
 * for the next poll.
 */
export function settledFiles(
  previous: ReadonlyMap<string, FileObservation>,
  current: readonly FileObservation[],
): FileObservation[] {
  return current.filter((file) => {
    const before = previous.get(file.name);
    return (
      isDocumentName(file.name) &&
      before !== undefined &&
      before.size === file.size &&
      before.modifiedMs === file.modifiedMs
    );
  });
}

/** The name the reason for a failed file is written under, next to it. */
export function reasonFileName(name: string): string {
  return `${name}${REASON_SUFFIX}`;
}

/** `name`, or `name-1.ext`, `name-2.ext`… when a file of that name was already moved there. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let copy = 1; ; copy++) {
    const candidate = `${stem}-${copy}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}
