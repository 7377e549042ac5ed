import type { Topic } from '@dealwatch/contracts';

import type { EntityManager } from 'typeorm';

import type { DecodedEvent } from '../kafka/decode-event';

export type EventHandler<T extends Topic> = (
  event: DecodedEvent<T>,
  manager: EntityManager,
) => Promise<void>;

/**
 * Applies consecutive events of one partition, in their order, in one transaction: a projection can
 * write them with a statement per table instead of a statement per event.
 */
export type BatchEventHandler<T extends Topic> = (
  events: DecodedEvent<T>[],
  manager: EntityManager,
) => Promise<void>;

/**
 * Thrown by a handler for an event that is well-formed but can never be applied (it names something
 * that does not exist, say): the event goes to the DLQ at once with this message, without retries.
 */
export class UnprocessableEventError extends Error {
  override readonly name = 'UnprocessableEventError';
}
