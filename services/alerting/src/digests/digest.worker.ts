import { ENV, LOGGER } from '@dealwatch/platform';
import { WakeableSleep } from '@dealwatch/time';

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
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly sleeper = new WakeableSleep();
  private readonly logger: Logger;

  constructor(
    private readonly digests: SendDigestsUseCase,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'digest-worker' });
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
      let claimed: number;
      try {
        claimed = await this.digests.sendDue(BATCH_SIZE);
      } catch (error) {
        this.logger.error({ err: error }, 'could not send digests; will retry');
        await this.sleeper.sleep(ERROR_BACKOFF_MS);
        continue;
      }
      if (claimed < BATCH_SIZE) await this.sleeper.sleep(this.env.ALERT_DIGEST_POLL_MS);
    }
  }
}
