import { roles, serviceScopes } from '@dealwatch/auth';
import type { ApiKeyRecord, Role } from '@dealwatch/auth';

import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /v1/api-keys`. */
export class CreateApiKeyBody {
  /** Who or what uses it, e.g. `ops-laptop` or `upload-robot`. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  /** viewer reads; operator also writes (uploads, acknowledgements, lifecycle); admin also configures. */
  @IsIn(roles, { message: `role must be one of ${roles.join(', ')}` })
  role!: Role;

  /** The services it may call, e.g. `["ingest"]` for a robot that only uploads; absent or empty: all. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(serviceScopes.length)
  @ArrayUnique()
  @IsIn(serviceScopes, {
    each: true,
    message: `each scope must be one of ${serviceScopes.join(', ')}`,
  })
  scopes?: string[];
}

export class ApiKeyIdParams {
  @Matches(/^[0-9a-f]{16}$/, { message: 'id must be the 16 hexadecimal digits of an API key id' })
  id!: string;
}

/** What lists show of a key: never its hash or secret. */
export function apiKeyView(record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    scopes: record.scopes,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    revokedAt: record.revokedAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  };
}
