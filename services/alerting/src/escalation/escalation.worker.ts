import { ENV, LOGGER } from '@dealwatch/platform';
import { WakeableSleep } from '@dealwatch/time';

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
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly sleeper = new WakeableSleep();
  private readonly logger: Logger;

  constructor(
    private readonly escalate: EscalateAlertsUseCase,
    private readonly deliveryWorker: DeliveryWorker,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'escalation-worker' });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.sleeper.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let escalated: number;
      try {
        escalated = await this.escalate.escalateDue(BATCH_SIZE);
      } catch (error) {
        this.logger.error({ err: error }, 'could not escalate alerts; will retry');
        await this.sleeper.sleep(ERROR_BACKOFF_MS);
        continue;
      }
      if (escalated > 0) this.deliveryWorker.kick();
      if (escalated < BATCH_SIZE) await this.sleeper.sleep(this.env.ALERT_ESCALATION_POLL_MS);
    }
  }
}
