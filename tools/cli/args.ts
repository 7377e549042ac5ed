import { deadLetterTopicOf, isTopic, milestoneStatuses } from '@dealwatch/contracts';
import type { MilestoneStatus } from '@dealwatch/contracts';

import { parseArgs } from 'node:util';

import { UsageError } from './cli-error';

export const DEFAULT_INGEST_URL = 'http://127.0.0.1:3001';
export const DEFAULT_SCHEDULER_URL = 'http://127.0.0.1:3003';
export const DEFAULT_BROKERS = '127.0.0.1:9092';
export const DEFAULT_CONSOLE_URL = 'http://127.0.0.1:3000';

const ROLES = ['viewer', 'operator', 'admin'] as const;
export type KeyRole = (typeof ROLES)[number];
const SCOPES = ['ingest', 'clause-extraction', 'milestone-scheduler', 'alerting', 'console'];

/** Filters `GET /v1/milestones` and the calendar feed understand; absent ones are not sent. */
export interface MilestoneFilter {
  agreementId?: string;
  statuses?: MilestoneStatus[];
  category?: string;
  owner?: string;
  /** One of the agreement's parties, as its extraction names it. */
  party?: string;
  dueBefore?: string;
  dueAfter?: string;
}

export interface KafkaTarget {
  brokers: string[];
  /** Prepended to contract topic names, as the services' KAFKA_TOPIC_PREFIX is. */
  prefix: string;
}

/** What `dealwatch keys` does, against the console's `/v1/api-keys` (admins only). */
export type KeysAction =
  | { kind: 'create'; keyName: string; role: KeyRole; scopes: string[] }
  | { kind: 'list' }
  | { kind: 'revoke'; id: string };

export type Command =
  | { name: 'help' }
  | { name: 'keys'; url: string; action: KeysAction }
  | { name: 'ingest'; path: string; url: string }
  | { name: 'milestones'; url: string; filter: MilestoneFilter }
  | {
      name: 'calendar';
      url: string;
      out: string | null;
      filter: MilestoneFilter;
      /** Print a signed subscription URL of the feed, valid this long, instead of the feed. */
      link: { validFor: string | null } | null;
    }
  | { name: 'tail'; topic: string; fromBeginning: boolean; kafka: KafkaTarget }
  | {
      name: 'replay';
      topic: string;
      to: string;
      /** Kafka offsets are 64-bit: kept as the decimal text the broker uses. */
      fromOffset: string;
      partition: number | null;
      kafka: KafkaTarget;
    };

export const USAGE = `Usage: dealwatch <command> [options]

  ingest <file|folder> [--url ${DEFAULT_INGEST_URL}]
  milestones [--agreement ID] [--status S[,S]] [--category C] [--owner O] [--party P]
             [--due-before YYYY-MM-DD] [--due-after YYYY-MM-DD] [--url ${DEFAULT_SCHEDULER_URL}]
  calendar [--out FILE | --link [--valid-for P1Y]] [--agreement ID] [--category C] [--owner O]
           [--party P] [--due-before YYYY-MM-DD] [--due-after YYYY-MM-DD] [--url ${DEFAULT_SCHEDULER_URL}]
  tail <topic> [--from-beginning] [--brokers ${DEFAULT_BROKERS}] [--prefix P]
  replay <topic> --from-offset N [--partition P] --to <topic> [--brokers ...] [--prefix P]
  keys create --name NAME --role viewer|operator|admin [--scopes S[,S]] [--url ${DEFAULT_CONSOLE_URL}]
  keys list [--url ${DEFAULT_CONSOLE_URL}]
  keys revoke <id> [--url ${DEFAULT_CONSOLE_URL}]

Topics are contract names (dealwatch.milestone.reminder.v1) or their dead-letter topics (….dlq).
KAFKA_BROKERS and KAFKA_TOPIC_PREFIX set the Kafka defaults. Commands that call an API send
DEALWATCH_API_KEY (or --key KEY, anywhere on the line) as a bearer token; keys needs an admin key.
keys create prints the new key on stdout, once: it cannot be shown again. calendar --link prints
a signed URL calendar apps subscribe to without a key (at most P2Y).`;

const COMMANDS = ['ingest', 'milestones', 'calendar', 'tail', 'replay', 'keys'] as const;

const filterOptions = {
  agreement: { type: 'string' },
  category: { type: 'string' },
  owner: { type: 'string' },
  party: { type: 'string' },
  'due-before': { type: 'string' },
  'due-after': { type: 'string' },
  url: { type: 'string' },
} as const;
const kafkaOptions = { brokers: { type: 'string' }, prefix: { type: 'string' } } as const;

/** `argv` without the node and script paths; `env` supplies the Kafka defaults. */
export function parseCommand(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Command {
  const [name, ...rest] = argv;
  if (name === undefined) {
    throw new UsageError(`missing command: one of ${COMMANDS.join(', ')} (dealwatch help)`);
  }
  switch (name) {
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'ingest': {
      const { values, positionals } = parse(rest, { url: { type: 'string' } });
      return {
        name,
        path: single(positionals, 'a file or folder to ingest'),
        url: urlOf(values.url ?? DEFAULT_INGEST_URL),
      };
    }
    case 'milestones': {
      const { values, positionals } = parse(rest, { ...filterOptions, status: { type: 'string' } });
      none(positionals);
      const filter = filterOf(values);
      if (values.status !== undefined) filter.statuses = statusesOf(values.status);
      return { name, url: urlOf(values.url ?? DEFAULT_SCHEDULER_URL), filter };
    }
    case 'calendar': {
      const { values, positionals } = parse(rest, {
        ...filterOptions,
        out: { type: 'string' },
        link: { type: 'boolean' },
        'valid-for': { type: 'string' },
      });
      none(positionals);
      if (values['valid-for'] !== undefined && !values.link) {
        throw new UsageError('--valid-for goes with --link');
      }
      if (values.link && values.out !== undefined) {
        throw new UsageError('--link prints a URL: it takes no --out');
      }
      return {
        name,
        url: urlOf(values.url ?? DEFAULT_SCHEDULER_URL),
        out: values.out ?? null,
        filter: filterOf(values),
        link: values.link ? { validFor: values['valid-for'] ?? null } : null,
      };
    }
    case 'tail': {
      const { values, positionals } = parse(rest, {
        ...kafkaOptions,
        'from-beginning': { type: 'boolean' },
      });
      return {
        name,
        topic: topicOf(single(positionals, 'a topic to tail')),
        fromBeginning: values['from-beginning'] ?? false,
        kafka: kafkaOf(values, env),
      };
    }
    case 'replay': {
      const { values, positionals } = parse(rest, {
        ...kafkaOptions,
        'from-offset': { type: 'string' },
        partition: { type: 'string' },
        to: { type: 'string' },
      });
      const topic = topicOf(single(positionals, 'a topic to replay from'));
      if (values['from-offset'] === undefined) throw new UsageError('replay needs --from-offset N');
      if (values.to === undefined) throw new UsageError('replay needs --to <topic>');
      const to = topicOf(values.to);
      if (to === topic) throw new UsageError('replay --to must name another topic');
      return {
        name,
        topic,
        to,
        fromOffset: naturalOf(values['from-offset'], '--from-offset'),
        partition:
          values.partition === undefined
            ? null
            : Number(naturalOf(values.partition, '--partition')),
        kafka: kafkaOf(values, env),
      };
    }
    case 'keys':
      return keysCommand(rest);
    default:
      throw new UsageError(`unknown command "${name}": one of ${COMMANDS.join(', ')}`);
  }
}

function keysCommand(args: string[]): Command {
  const [action, ...rest] = args;
  switch (action) {
    case 'create': {
      const { values, positionals } = parse(rest, {
        name: { type: 'string' },
        role: { type: 'string' },
        scopes: { type: 'string' },
        url: { type: 'string' },
      });
      none(positionals);
      if (values.name === undefined || values.name.trim() === '') {
        throw new UsageError('keys create needs --name NAME (who or what uses the key)');
      }
      if (!(ROLES as readonly string[]).includes(values.role ?? '')) {
        throw new UsageError(`keys create needs --role ${ROLES.join('|')}`);
      }
      return {
        name: 'keys',
        url: urlOf(values.url ?? DEFAULT_CONSOLE_URL),
        action: {
          kind: 'create',
          keyName: values.name.trim(),
          role: values.role as KeyRole,
          scopes: values.scopes === undefined ? [] : scopesOf(values.scopes),
        },
      };
    }
    case 'list': {
      const { values, positionals } = parse(rest, { url: { type: 'string' } });
      none(positionals);
      return {
        name: 'keys',
        url: urlOf(values.url ?? DEFAULT_CONSOLE_URL),
        action: { kind: 'list' },
      };
    }
    case 'revoke': {
      const { values, positionals } = parse(rest, { url: { type: 'string' } });
      const id = single(positionals, 'the id of the key to revoke');
      if (!/^[0-9a-f]{16}$/.test(id)) {
        throw new UsageError(
          `a key id is 16 hexadecimal digits (keys list shows them), not "${id}"`,
        );
      }
      return {
        name: 'keys',
        url: urlOf(values.url ?? DEFAULT_CONSOLE_URL),
        action: { kind: 'revoke', id },
      };
    }
    case undefined:
    default:
      throw new UsageError('keys needs create, list or revoke (dealwatch help)');
  }
}

function scopesOf(value: string): string[] {
  const scopes = value
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
  for (const scope of scopes) {
    if (!SCOPES.includes(scope)) {
      throw new UsageError(
        `unknown scope "${scope}": one of ${SCOPES.join(', ')} (comma separated)`,
      );
    }
  }
  return scopes;
}

/**
 * Takes `--key KEY` (or `--key=KEY`) out of the arguments, wherever it is: every command accepts it
 * in place of DEALWATCH_API_KEY. Prefer the variable: a flag shows in the process list.
 */
export function takeKeyOption(argv: readonly string[]): { argv: string[]; key: string | null } {
  const rest: string[] = [];
  let key: string | null = null;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--key') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError("Option '--key <value>' argument missing");
      }
      key = value;
      index++;
    } else if (arg.startsWith('--key=')) {
      key = arg.slice('--key='.length);
    } else {
      rest.push(arg);
    }
  }
  return { argv: rest, key };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parse<T extends OptionSpec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages are clear but go on with advice over several lines: keep the first sentence.
    const message = error instanceof Error ? error.message : String(error);
    // Some runtimes put the name and code in the message: `TypeError [ERR_PARSE_ARGS_…]: …`.
    const bare = message.replace(/^\w*Error \[\w+\]: /, '');
    const first = bare.split(/\.(?:\s|$)/)[0] ?? bare;
    throw new UsageError(first);
  }
}

function single(positionals: string[], what: string): string {
  const [first, ...extra] = positionals;
  if (first === undefined) throw new UsageError(`missing argument: ${what}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra.join(' ')}"`);
  return first;
}

function none(positionals: string[]): void {
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
  }
}

function filterOf(values: {
  agreement?: string;
  category?: string;
  owner?: string;
  party?: string;
  'due-before'?: string;
  'due-after'?: string;
}): MilestoneFilter {
  const filter: MilestoneFilter = {};
  if (values.agreement !== undefined) filter.agreementId = values.agreement;
  if (values.category !== undefined) filter.category = values.category;
  if (values.owner !== undefined) filter.owner = values.owner;
  if (values.party !== undefined) filter.party = values.party;
  if (values['due-before'] !== undefined)
    filter.dueBefore = dateOf(values['due-before'], '--due-before');
  if (values['due-after'] !== undefined)
    filter.dueAfter = dateOf(values['due-after'], '--due-after');
  return filter;
}

function dateOf(value: string, option: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match?.[3])) {
    throw new UsageError(`${option} must be a calendar date YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

function statusesOf(value: string): MilestoneStatus[] {
  const statuses = value.split(',').map((status) => status.trim());
  for (const status of statuses) {
    if (!(milestoneStatuses as readonly string[]).includes(status)) {
      throw new UsageError(
        `unknown status "${status}": one of ${milestoneStatuses.join(', ')} (comma separated)`,
      );
    }
  }
  return statuses as MilestoneStatus[];
}

function urlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be an http(s) URL, not "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

/** A contract topic, or the dead-letter topic of one: a typo should fail here, not tail nothing. */
export function topicOf(name: string): string {
  if (isTopic(name)) return name;
  if (name.endsWith('.dlq') && isTopic(name.slice(0, -'.dlq'.length))) return name;
  throw new UsageError(
    `unknown topic "${name}": a contract topic such as dealwatch.milestone.reminder.v1, or ${deadLetterTopicOf('<topic>')}`,
  );
}

function naturalOf(value: string, option: string): string {
  if (!/^\d+$/.test(value))
    throw new UsageError(`${option} must be a whole number, not "${value}"`);
  return value.replace(/^0+(?=\d)/, '');
}

function kafkaOf(
  values: { brokers?: string; prefix?: string },
  env: Record<string, string | undefined>,
): KafkaTarget {
  const brokers = (values.brokers ?? env.KAFKA_BROKERS ?? DEFAULT_BROKERS)
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      throw new UsageError(`--brokers must be host:port[,host:port], not "${broker}"`);
    }
  }
  if (brokers.length === 0) throw new UsageError('--brokers must name at least one broker');
  return { brokers, prefix: values.prefix ?? env.KAFKA_TOPIC_PREFIX ?? '' };
}
