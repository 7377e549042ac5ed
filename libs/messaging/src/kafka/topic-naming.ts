import { deadLetterTopicOf, isTopic } from '@dealwatch/contracts';
import type { Topic } from '@dealwatch/contracts';

/**
 * Maps contract topic names to the physical names on the broker. The prefix is empty in production;
 * test runs set one so that concurrent runs never see each other's messages.
 */
export class TopicNaming {
  constructor(readonly prefix: string) {}

  physical(topic: Topic): string {
    return `${this.prefix}${topic}`;
  }

  deadLetter(topic: Topic): string {
    return deadLetterTopicOf(this.physical(topic));
  }

  consumerGroup(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** The contract topic behind a physical name, or null for a topic that is not ours. */
  logical(physical: string): Topic | null {
    if (!physical.startsWith(this.prefix)) return null;
    const name = physical.slice(this.prefix.length);
    return isTopic(name) ? name : null;
  }
}
