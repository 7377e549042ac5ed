import type { FileObservation } from '@dealwatch/ingest/domain';
import { freeName, reasonFileName } from '@dealwatch/ingest/domain';

import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Settlement = 'processed' | 'failed';

/**
 * The folder operators drop documents into. Taken files move to `processed/` or `failed/` (with
 * `<name>.reason.txt`), so what is left at the top is exactly what has not been handled yet.
 */
export class WatchedFolder {
  constructor(readonly path: string) {}

  /** The regular files at the top of the folder (sub-folders, processed/ and failed/, are not read). */
  async observe(): Promise<FileObservation[]> {
    await mkdir(this.path, { recursive: true });
    const entries = await readdir(this.path, { withFileTypes: true });
    const observed: FileObservation[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      try {
        const stats = await stat(join(this.path, entry.name));
        observed.push({ name: entry.name, size: stats.size, modifiedMs: stats.mtimeMs });
      } catch {
        // Moved or deleted between listing and stat: nothing to take.
      }
    }
    return observed;
  }

  read(name: string): Promise<Buffer> {
    return readFile(join(this.path, name));
  }

  /** Moves a file out of the way, never over an earlier file of the same name; returns where to. */
  async settle(name: string, settlement: Settlement, reason: string | null): Promise<string> {
    const folder = join(this.path, settlement);
    await mkdir(folder, { recursive: true });
    const target = freeName(name, new Set(await readdir(folder)));
    // The reason first: a crash in between leaves the file to be taken again, not a silent failure.
    if (reason !== null) await writeFile(join(folder, reasonFileName(target)), `${reason}\n`);
    await rename(join(this.path, name), join(folder, target));
    return join(settlement, target);
  }
}
