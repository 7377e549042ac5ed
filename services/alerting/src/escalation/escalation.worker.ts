import { ENV, LOGGER } from '@dealwatch/platform';
import { BatchLoop } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

import { AlertingEnv } from '../alerting.env';
import { DeliveryWorker } from '../delivery/delivery.worker';
import { EscalateAlertsUseCase } from './escalate-alerts.usecase';

const BATCH_SIZE = 50;
const ERROR_BACKOFF_MS = 1_000;

/**
 * Escalates due alerts in the background, every ALERT_ESCALATION_POLL_MS; several instances share
 * the work, each skipping the alerts another holds. The delivery worker is woken for what it queued.
 */
@Injectable()
export class EscalationWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BatchLoop;

  constructor(
    escalate: EscalateAlertsUseCase,
    deliveryWorker: DeliveryWorker,
    @Inject(ENV) env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    const log = logger.child({ component: 'escalation-worker' });
    this.loop = new BatchLoop({
      turn: async (batchSize) => {
        const escalated = await escalate.escalateDue(batchSize);
        if (escalated > 0) deliveryWorker.kick();
        return escalated;
      },
      batchSize: BATCH_SIZE,
      idleMs: env.ALERT_ESCALATION_POLL_MS,
      errorBackoffMs: ERROR_BACKOFF_MS,
      onError: (error) => {
        log.error({ err: error }, 'could not escalate alerts; will retry');
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
