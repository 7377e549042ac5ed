import type { ServiceName } from '@dealwatch/testing';

import { AlertingEnv } from '../services/alerting/src/alerting.env';
import { ExtractionEnv } from '../services/clause-extraction/src/extraction.env';
import { ConsoleEnv } from '../services/console/src/console.env';
import { IngestEnv } from '../services/ingest/src/ingest.env';
import { SchedulerEnv } from '../services/milestone-scheduler/src/scheduler.env';

/** Each service's configuration class: the single source for `.env.example` and the compose file. */
export const serviceEnvClasses: Record<ServiceName, new () => object> = {
  ingest: IngestEnv,
  'clause-extraction': ExtractionEnv,
  'milestone-scheduler': SchedulerEnv,
  alerting: AlertingEnv,
  console: ConsoleEnv,
};
