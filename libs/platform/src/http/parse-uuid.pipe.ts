import { ParseUUIDPipe } from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';

import { invalidFields } from '../problems';

/**
 * Nest's ParseUUIDPipe, whose 400 is a validation problem naming the path parameter (`id must be
 * a UUID`) instead of Nest's "Validation failed (uuid is expected)", which names nothing. Any
 * version: the services make time-ordered ids (version 7), and rows made before them are random
 * (version 4).
 */
export class ParseUuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch {
      const field = metadata.data ?? 'id';
      throw invalidFields([{ field, message: `${field} must be a UUID` }]);
    }
  }
}
