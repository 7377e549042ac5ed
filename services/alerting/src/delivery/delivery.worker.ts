import { DeliveryRepository } from '@dealwatch/alerting/data-access';
import { CLOCK, ENV, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';
import { BatchLoop, pauseUntil } from '@dealwatch/time';

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
 * Sends due deliveries in the background: at once when kicked (after a reminder's alert commits),
 * when the next retry, group or lease falls due, and at least every ALERT_DELIVERY_POLL_MS (what
 * another instance wrote). Stopping waits for the requests in flight, so a clean shutdown leaves no
 * delivery behind a lease.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BatchLoop;
  private readonly logger: Logger;

  constructor(
    deliver: DeliverAlertsUseCase,
    private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'delivery-worker' });
    this.loop = new BatchLoop({
      turn: (batchSize) => deliver.deliverDue(batchSize),
      batchSize: BATCH_SIZE,
      idleMs: () => this.untilNextDue(),
      errorBackoffMs: ERROR_BACKOFF_MS,
      onError: (error) => {
        this.logger.error({ err: error }, 'could not claim deliveries; will retry');
      },
    });
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
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async untilNextDue(): Promise<number> {
    const next = await this.deliveries.nextDueAt();
    return pauseUntil(next, this.clock.now(), this.env.ALERT_DELIVERY_POLL_MS);
  }

  /** Look for due deliveries now rather than at the next poll. */
  kick(): void {
    this.loop.wake();
  }
}
