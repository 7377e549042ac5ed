import { isInstant } from '@dealwatch/contracts';
import type { MilestoneCursor } from '@dealwatch/milestone-scheduler/data-access';

import { BadRequestException } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque page token: where the last page ended, in due order. */
export function encodeCursor(cursor: MilestoneCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueAt?.toISOString() ?? null, cursor.id])).toString(
    'base64url',
  );
}

/** Reads a token from `encodeCursor`; anything else is the client's error (400). */
export function decodeCursor(token: string): MilestoneCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const [dueAt, id, ...rest] = Array.isArray(value) ? (value as unknown[]) : [];
  if (
    (dueAt === null || isInstant(dueAt)) &&
    typeof id === 'string' &&
    UUID.test(id) &&
    !rest.length
  )
    return { dueAt: dueAt === null ? null : new Date(dueAt), id };
  throw new BadRequestException('cursor is not one this API gave out');
}
