import type { SilenceEntity } from '@dealwatch/alerting/data-access';
import { parseMatcher, silenceStatus } from '@dealwatch/alerting/domain';
import type { Silence, SilenceStatus } from '@dealwatch/alerting/domain';

/** The domain's silence of a stored one (its matchers were checked when it was created). */
export function silenceOf(entity: SilenceEntity): Silence {
  return {
    id: entity.id,
    matchers: entity.matchers.map(parseMatcher),
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
  };
}

export interface SilenceView {
  id: string;
  matchers: string[];
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  comment: string;
  createdAt: Date;
  status: SilenceStatus;
}

export function silenceView(entity: SilenceEntity, now: Date): SilenceView {
  return {
    id: entity.id,
    matchers: entity.matchers,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    createdBy: entity.createdBy,
    comment: entity.comment,
    createdAt: entity.createdAt,
    status: silenceStatus(entity, now),
  };
}
