import { ENV, LOGGER } from '@dealwatch/platform';
import { WakeableSleep } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

import {
  AlertingEnv,
  LOCAL_ACK_KEY,
  LOCAL_SECRETS_KEY,
  LOCAL_WEBHOOK_SECRET,
} from '../alerting.env';
import { DeliverAlertsUseCase } from './deliver-alerts.usecase';

const BATCH_SIZE = 20;
const ERROR_BACKOFF_MS = 1_000;

/**
 * Sends due deliveries in the background: polls every ALERT_DELIVERY_POLL_MS, and at once when
 * kicked (after a reminder's alert commits). Stopping waits for the requests in flight, so a clean
 * shutdown leaves no delivery behind a lease.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly sleeper = new WakeableSleep();
  private readonly logger: Logger;

  constructor(
    private readonly deliver: DeliverAlertsUseCase,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'delivery-worker' });
  }

  onApplicationBootstrap(): void {
    if (this.env.ALERT_WEBHOOK_SECRET === LOCAL_WEBHOOK_SECRET) {
      this.logger.warn('ALERT_WEBHOOK_SECRET is the local development default: set a real one');
    }
    if (this.env.ALERT_SECRETS_KEY === LOCAL_SECRETS_KEY) {
      this.logger.warn(
        'ALERT_SECRETS_KEY is the local development default: receivers’ secrets are encrypted with a public key; set a real one',
      );
    }
    if (this.env.ALERT_ACK_KEY === LOCAL_ACK_KEY) {
      this.logger.warn(
        'ALERT_ACK_KEY is the local development default: anyone can forge acknowledgement links; set a real one',
      );
    }
    if (this.env.ALERT_WEBHOOK_URLS.length === 0) {
      this.logger.info('no ALERT_WEBHOOK_URLS: alerts go to the receivers managed through the API');
    }
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  /** Look for due deliveries now rather than at the next poll. */
  kick(): void {
    this.sleeper.wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed: number;
      try {
        claimed = await this.deliver.deliverDue(BATCH_SIZE);
      } catch (error) {
        this.logger.error({ err: error }, 'could not claim deliveries; will retry');
        await this.sleeper.sleep(ERROR_BACKOFF_MS);
        continue;
      }
      if (claimed < BATCH_SIZE) await this.sleeper.sleep(this.env.ALERT_DELIVERY_POLL_MS);
    }
  }
}
