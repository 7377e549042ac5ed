import { CommonEnv, EnvVariable } from '@dealwatch/config';
import type { ServiceEnv } from '@dealwatch/platform';

import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class IngestEnv extends CommonEnv implements ServiceEnv {
  @EnvVariable({ description: 'HTTP port of the ingest API.' })
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3001;

  @EnvVariable({ description: 'Interface the HTTP server binds to.' })
  @IsString()
  HOST: string = '127.0.0.1';

  @EnvVariable({ description: 'PostgreSQL schema owned by the ingest service.' })
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_SCHEMA: string = 'ingest';

  @EnvVariable({ description: 'Largest document accepted, e.g. 20mb; larger requests get 413.' })
  @Matches(/^\d+(kb|mb)$/i)
  INGEST_MAX_BODY: string = '20mb';
}
