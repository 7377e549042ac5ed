import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Transaction-scoped advisory locks on the keys a decision reads: two uploads that could find each
 * other (the same original, the same text, a shared LSH band or party set) decide one after the
 * other, so the second sees what the first stored instead of racing it to a unique index or to a
 * second agreement for one deal. Locks are taken in the order of their ids, so two writers never
 * wait on each other crosswise; they are released when the transaction ends.
 */
@Injectable()
export class IngestLocks {
  async serialise(manager: EntityManager, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    // The schema is part of the key: advisory locks are database-wide, schemas are not.
    await manager.query(
      `SELECT pg_advisory_xact_lock(id)
         FROM (SELECT DISTINCT hashtextextended(current_schema() || ':' || key, 0) AS id
                 FROM unnest($1::text[]) AS key
                ORDER BY id) ordered`,
      [keys],
    );
  }
}
