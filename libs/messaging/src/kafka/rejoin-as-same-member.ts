import { patchKafkajs } from './kafkajs-patch';

/**
 * kafkajs restarts a consumer that lost its broker (the broker restarted, the connection broke)
 * with a new group member, whose join asks the broker for a new member id. The broker still holds
 * the old member, and keeps the group waiting for it until its session runs out (6 s here) before
 * any member may consume. The old member id is the consumer's to reuse: a join under it takes the
 * old member's place at once. So each consumer's latest member id is kept, and its next group
 * member joins under it; the broker answers UNKNOWN_MEMBER_ID if the old member has gone, and
 * kafkajs then joins afresh. A consumer that left its group cleanly starts afresh too.
 *
 * Kept per kafkajs cluster: every `kafka.consumer()` has a cluster of its own, which its restarts
 * keep, so a consumer that replaces a crashed one must be the same kafkajs consumer run again.
 */
interface ConsumerGroup {
  cluster: object;
  memberId: string | null;
  leave: GroupRequest;
}

type GroupRequest = (this: ConsumerGroup) => Promise<void>;

const JOIN_DESCRIPTION = 'private:ConsumerGroup:join';

const latestMemberIds = new WeakMap<object, string>();
/** Group members that have joined once; later joins of one member are kafkajs' own business. */
const joinedBefore = new WeakSet<ConsumerGroup>();

/** Installs the change once per process, on the kafkajs this module resolves. */
export function rejoinAsSameMember(): void {
  patchKafkajs(
    'consumer/consumerGroup',
    'rejoinAsSameMember',
    ({ prototype }: { prototype: ConsumerGroup & Record<symbol, unknown> }) => {
      const joinSymbol = Object.getOwnPropertySymbols(prototype).find(
        (symbol) => symbol.description === JOIN_DESCRIPTION,
      );
      if (!joinSymbol)
        throw new Error(`kafkajs ConsumerGroup has no ${JOIN_DESCRIPTION} to extend`);
      prototype[joinSymbol] = joinAsLatestMember(prototype[joinSymbol] as GroupRequest);
      prototype.leave = leaveAndForget(prototype.leave);
    },
  );
}

function joinAsLatestMember(join: GroupRequest): GroupRequest {
  return async function (this: ConsumerGroup): Promise<void> {
    if (!joinedBefore.has(this)) {
      joinedBefore.add(this);
      this.memberId ??= latestMemberIds.get(this.cluster) ?? null;
    }
    try {
      await join.call(this);
    } catch (error) {
      if (isUnknownMember(error)) latestMemberIds.delete(this.cluster);
      throw error;
    }
    if (this.memberId) latestMemberIds.set(this.cluster, this.memberId);
  };
}

function leaveAndForget(leave: GroupRequest): GroupRequest {
  return async function (this: ConsumerGroup): Promise<void> {
    await leave.call(this);
    latestMemberIds.delete(this.cluster);
  };
}

function isUnknownMember(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'UNKNOWN_MEMBER_ID';
}
