import { OVERDUE } from '../reminder-offset';

interface Inhibitable {
  milestoneId: string;
  offset: string;
}

/**
 * Whether `source` suppresses `target`: an overdue alert makes the earlier reminders of the same
 * milestone ("due in 7 days") noise, so those not yet sent are not sent. The storage applies the
 * same rule in SQL to alerts already recorded (AlertRepository.inhibitEarlier).
 */
export function inhibits(source: Inhibitable, target: Inhibitable): boolean {
  return (
    source.offset === OVERDUE &&
    target.offset !== OVERDUE &&
    source.milestoneId === target.milestoneId
  );
}
