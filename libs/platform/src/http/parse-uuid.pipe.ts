import { ParseUUIDPipe } from '@nestjs/common';
import type { ArgumentMetadata, ParseUUIDPipeOptions } from '@nestjs/common';

import { invalidFields } from '../problems';

/**
 * Nest's ParseUUIDPipe, whose 400 is a validation problem naming the path parameter (`id must be
 * a UUID`) instead of Nest's "Validation failed (uuid is expected)", which names nothing.
 */
export class ParseUuidPipe extends ParseUUIDPipe {
  private readonly versionWanted: string | undefined;

  constructor(options: Pick<ParseUUIDPipeOptions, 'version'> = {}) {
    super(options);
    this.versionWanted = options.version;
  }

  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch {
      const field = metadata.data ?? 'id';
      const version = this.versionWanted ? ` (version ${this.versionWanted})` : '';
      throw invalidFields([{ field, message: `${field} must be a UUID${version}` }]);
    }
  }
}
