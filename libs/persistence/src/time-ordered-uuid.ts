import { v7 } from 'uuid';

/**
 * A new id for something stored: a UUID that begins with the time it was made (version 7, RFC
 * 9562), so ids made one after another sort together. In a B-tree (every primary key, the outbox's
 * and inboxes' event ids) they go onto its last pages, where random ones each land on a page of
 * their own: after a checkpoint, an 8 kB page image in the WAL for nearly every insert, and the
 * whole index kept in memory instead of its end.
 */
export function timeOrderedUuid(): string {
  return v7();
}
