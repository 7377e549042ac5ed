import { SilenceRepository } from '@dealwatch/alerting/data-access';
import { checkSilence } from '@dealwatch/alerting/domain';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Logger } from 'pino';

import type { CreateSilenceBody } from './create-silence.body';
import { silenceView } from './silence-of';
import type { SilenceView } from './silence-of';

/** Silences apply to alerts recorded while they are active; expiring one ends it now. */
@Injectable()
export class ManageSilencesUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly silences: SilenceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'silences' });
  }

  /** `createdBy` is the body's, or the caller's name when the body names no one. */
  async create(body: CreateSilenceBody, caller: string): Promise<SilenceView> {
    const now = this.clock.now();
    const startsAt = body.startsAt ? new Date(body.startsAt) : now;
    const endsAt = new Date(body.endsAt);
    const { errors } = checkSilence({ matchers: body.matchers, startsAt, endsAt });
    if (endsAt.getTime() <= now.getTime()) errors.push('endsAt: must be in the future');
    if (errors.length > 0) throw new BadRequestException(errors);
    const silence = await this.silences.create({
      id: timeOrderedUuid(),
      matchers: body.matchers.map((matcher) => matcher.trim()),
      startsAt,
      endsAt,
      createdBy: body.createdBy ?? caller,
      comment: body.comment,
      createdAt: now,
      expiredAt: null,
    });
    this.logger.info(
      { silenceId: silence.id, createdBy: silence.createdBy, matchers: silence.matchers },
      'silence created',
    );
    return silenceView(silence, now);
  }

  async list(): Promise<{ items: SilenceView[] }> {
    const now = this.clock.now();
    return { items: (await this.silences.list(200)).map((silence) => silenceView(silence, now)) };
  }

  async get(id: string): Promise<SilenceView> {
    const silence = await this.silences.findById(id);
    if (!silence) throw new NotFoundException(`no silence ${id}`);
    return silenceView(silence, this.clock.now());
  }

  async expire(id: string): Promise<void> {
    if (!(await this.silences.expire(id, this.clock.now()))) {
      throw new NotFoundException(`no silence ${id} in force`);
    }
    this.logger.info({ silenceId: id }, 'silence expired');
  }
}
