import { CommonEnv, EnvVariable } from '@dealwatch/config';
import type { ServiceEnv } from '@dealwatch/platform';

import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class ExtractionEnv extends CommonEnv implements ServiceEnv {
  @EnvVariable({ description: 'HTTP port of the clause-extraction API.' })
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3002;

  @EnvVariable({ description: 'Interface the HTTP server binds to.' })
  @IsString()
  HOST: string = '127.0.0.1';

  @EnvVariable({ description: 'PostgreSQL schema owned by the clause-extraction service.' })
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_SCHEMA: string = 'clause_extraction';
}
