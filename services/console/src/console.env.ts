import { CommonEnv, EnvVariable } from '@dealwatch/config';
import type { ServiceEnv } from '@dealwatch/platform';

import { IsInt, IsNumber, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

export class ConsoleEnv extends CommonEnv implements ServiceEnv {
  @EnvVariable({ description: 'HTTP port of the operations console.' })
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @EnvVariable({ description: 'Interface the HTTP server binds to.' })
  @IsString()
  HOST: string = '127.0.0.1';

  @EnvVariable({ description: "PostgreSQL schema of the console's read model." })
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_SCHEMA: string = 'console';

  @EnvVariable({ description: 'Base URL of the ingest API, which console uploads are sent to.' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  INGEST_URL: string = 'http://127.0.0.1:3001';

  @EnvVariable({
    description:
      'Extracted obligations with a confidence below this go to the review queue (the engine gives 0.5 to 0.9; 0.8 queues expectations, instruments and progressive wording).',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  CONSOLE_REVIEW_CONFIDENCE_BELOW: number = 0.8;

  @EnvVariable({
    description:
      'Largest upload the console accepts and forwards to ingest, e.g. 20mb (keep it at most INGEST_MAX_BODY).',
  })
  @Matches(/^\d+(kb|mb)$/i, { message: 'CONSOLE_UPLOAD_MAX_BODY must be a size such as 20mb' })
  CONSOLE_UPLOAD_MAX_BODY: string = '20mb';

  @EnvVariable({
    description: 'Base URL of the alerting API, which acknowledgements and silences are sent to.',
  })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  ALERTING_URL: string = 'http://127.0.0.1:3004';
}
