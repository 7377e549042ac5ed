import { ENV, LOGGER } from '@dealwatch/platform';
import { BatchLoop } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

import { AlertingEnv } from '../alerting.env';
import { SendDigestsUseCase } from './send-digests.usecase';

const BATCH_SIZE = 20;
const ERROR_BACKOFF_MS = 1_000;

/**
 * Plans and sends daily digests in the background, every ALERT_DIGEST_POLL_MS by the service's
 * clock; several instances share the work, each skipping the digests another holds. Stopping waits
 * for the digests in flight.
 */
@Injectable()
export class DigestWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BatchLoop;

  constructor(
    digests: SendDigestsUseCase,
    @Inject(ENV) env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    const log = logger.child({ component: 'digest-worker' });
    this.loop = new BatchLoop({
      turn: (batchSize) => digests.sendDue(batchSize),
      batchSize: BATCH_SIZE,
      idleMs: env.ALERT_DIGEST_POLL_MS,
      errorBackoffMs: ERROR_BACKOFF_MS,
      onError: (error) => {
        log.error({ err: error }, 'could not send digests; will retry');
      },
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }
}
