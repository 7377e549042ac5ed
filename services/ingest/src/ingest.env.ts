import { CommaSeparated, CommonEnv, EnvVariable } from '@dealwatch/config';
import { IsOutboundAllowlist } from '@dealwatch/outbound';
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

  @EnvVariable({
    description:
      'Upload bytes read and worked on at once, e.g. 48mb; an upload that would go past it (one alone always may) gets 503 with Retry-After.',
  })
  @Matches(/^\d+(kb|mb)$/i)
  INGEST_UPLOADS_IN_FLIGHT: string = '48mb';

  @EnvVariable({
    description:
      'Heap (MB) of a thread converting a PDF, DOCX, HTML or large text upload; a document needing more is refused with 422.',
  })
  @IsInt()
  @Min(64)
  @Max(4096)
  INGEST_CONVERSION_HEAP_MB: number = 256;

  @EnvVariable({
    description:
      'Longest time (ms) one upload may take to convert into text; a document taking longer is refused with 422.',
  })
  @IsInt()
  @Min(100)
  @Max(600_000)
  INGEST_CONVERSION_TIMEOUT_MS: number = 30_000;

  @EnvVariable({
    description:
      'Folder whose dropped files are ingested, then moved to processed/ or failed/ (with a reason); empty turns it off.',
  })
  @IsString()
  INGEST_WATCH_DIR: string = '';

  @EnvVariable({
    description:
      'How often (ms) the watched folder is listed; a file is taken once two listings agree on its size.',
  })
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  INGEST_WATCH_POLL_MS: number = 2_000;

  @EnvVariable({
    description:
      'Hosts, *.suffixes, addresses or CIDR ranges feeds may be fetched from although not public (loopback, private); empty allows public addresses only.',
  })
  @CommaSeparated()
  @IsOutboundAllowlist()
  OUTBOUND_ALLOWLIST: string[] = [];

  @EnvVariable({ description: 'How often (ms) the feed poller looks for sources that are due.' })
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  INGEST_FEED_POLL_MS: number = 1_000;

  @EnvVariable({
    description: 'Least time (ms) between two requests to one host, across instances.',
  })
  @IsInt()
  @Min(0)
  @Max(600_000)
  INGEST_FEED_HOST_INTERVAL_MS: number = 1_000;

  @EnvVariable({
    description:
      'Page fetches of a feed item (the first included) before a transient failure (network error, timeout, 408, 429, 5xx) marks it failed.',
  })
  @IsInt()
  @Min(1)
  @Max(20)
  INGEST_FEED_RETRY_BUDGET: number = 5;

  @EnvVariable({
    description:
      'Delay (ms) before a feed item page is fetched again after a transient failure; doubled per attempt, with jitter.',
  })
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  INGEST_FEED_RETRY_BASE_MS: number = 60_000;
}
