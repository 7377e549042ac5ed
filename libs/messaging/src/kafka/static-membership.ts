import { patchKafkajs } from './kafkajs-patch';

/**
 * Kafka's static membership (KIP-345) for the consumer groups of this process. A member that joins
 * under a group instance id takes the place of the member its instance was, at once; a new member
 * waits instead until the old one's session runs out, as after a process was killed and started
 * again. kafkajs 2.2.4 encodes the id in JoinGroup v5 but never sets it: this sets the id
 * registered for the group. Heartbeats, commits and a clean leave go by member id alone, which the
 * broker accepts from a static member too.
 */
interface JoinGroupArgs {
  groupId: string;
  groupInstanceId?: string | null;
}

interface RequestDefinition {
  protocol: (options: { version: number }) => (args: JoinGroupArgs) => unknown;
}

const instanceIds = new Map<string, string>();

/** The consumer group `groupId` is joined as `instanceId` from now on, by any consumer here. */
export function joinAsInstance(groupId: string, instanceId: string): void {
  setGroupInstanceIds();
  instanceIds.set(groupId, instanceId);
}

/** Installs the change once per process, on the kafkajs this module resolves. */
function setGroupInstanceIds(): void {
  patchKafkajs(
    'protocol/requests/joinGroup',
    'staticMembership',
    (joinGroup: RequestDefinition) => {
      const protocol = joinGroup.protocol;
      joinGroup.protocol = (options) => {
        const request = protocol(options);
        return (args) =>
          request({
            ...args,
            groupInstanceId: args.groupInstanceId ?? instanceIds.get(args.groupId),
          });
      };
    },
  );
}
