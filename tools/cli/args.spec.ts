import { parseCommand, takeKeyOption } from './args';
import { UsageError } from './cli-error';

const AGREEMENT = '6e9ec511-33c6-4a08-b9e7-8347780d70a9';

function usageErrorOf(argv: string[]): string {
  try {
    parseCommand(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`parsed: ${argv.join(' ')}`);
}

describe('parseCommand', () => {
  it('reads ingest with the default ingest URL', () => {
    expect(parseCommand(['ingest', 'samples'])).toEqual({
      name: 'ingest',
      path: 'samples',
      url: 'http://127.0.0.1:3001',
    });
  });

  it('drops a trailing slash from --url so paths can be appended', () => {
    expect(parseCommand(['ingest', 'a.pdf', '--url', 'http://ingest:8080/'])).toMatchObject({
      url: 'http://ingest:8080',
    });
  });

  it('maps milestone filters to the scheduler names and splits statuses', () => {
    expect(
      parseCommand([
        'milestones',
        '--agreement',
        AGREEMENT,
        '--status',
        'due, overdue',
        '--due-before',
        '2026-05-01',
        '--due-after',
        '2026-04-01',
        '--party',
        'Japan',
      ]),
    ).toEqual({
      name: 'milestones',
      url: 'http://127.0.0.1:3003',
      filter: {
        agreementId: AGREEMENT,
        statuses: ['due', 'overdue'],
        dueBefore: '2026-05-01',
        dueAfter: '2026-04-01',
        party: 'Japan',
      },
    });
  });

  it('writes the calendar to stdout unless --out names a file', () => {
    expect(parseCommand(['calendar'])).toMatchObject({ name: 'calendar', out: null, filter: {} });
    expect(parseCommand(['calendar', '--out', 'deadlines.ics'])).toMatchObject({
      out: 'deadlines.ics',
    });
  });

  it('prints a subscription link instead with --link, valid as long as --valid-for says', () => {
    expect(parseCommand(['calendar'])).toMatchObject({ link: null });
    expect(parseCommand(['calendar', '--link', '--owner', 'ana'])).toMatchObject({
      link: { validFor: null },
      filter: { owner: 'ana' },
    });
    expect(parseCommand(['calendar', '--link', '--valid-for', 'P6M'])).toMatchObject({
      link: { validFor: 'P6M' },
    });
    expect(() => parseCommand(['calendar', '--valid-for', 'P6M'])).toThrow(
      '--valid-for goes with --link',
    );
    expect(() => parseCommand(['calendar', '--link', '--out', 'x.ics'])).toThrow(
      '--link prints a URL: it takes no --out',
    );
  });

  it('takes Kafka defaults from the environment, options winning', () => {
    const env = { KAFKA_BROKERS: 'k1:9092, k2:9092', KAFKA_TOPIC_PREFIX: 'staging.' };
    expect(parseCommand(['tail', 'dealwatch.milestone.reminder.v1'], env)).toEqual({
      name: 'tail',
      topic: 'dealwatch.milestone.reminder.v1',
      fromBeginning: false,
      kafka: { brokers: ['k1:9092', 'k2:9092'], prefix: 'staging.' },
    });
    expect(
      parseCommand(
        ['tail', 'dealwatch.agreement.ingested.v1', '--from-beginning', '--brokers', 'k3:9093'],
        env,
      ),
    ).toMatchObject({ fromBeginning: true, kafka: { brokers: ['k3:9093'], prefix: 'staging.' } });
  });

  it('accepts a dead-letter topic as the source of a replay, offsets as text', () => {
    expect(
      parseCommand([
        'replay',
        'dealwatch.clauses.extracted.v1.dlq',
        '--from-offset',
        '007',
        '--partition',
        '2',
        '--to',
        'dealwatch.clauses.extracted.v1',
      ]),
    ).toEqual({
      name: 'replay',
      topic: 'dealwatch.clauses.extracted.v1.dlq',
      to: 'dealwatch.clauses.extracted.v1',
      fromOffset: '7',
      partition: 2,
      kafka: { brokers: ['127.0.0.1:9092'], prefix: '' },
    });
  });

  it('reads keys commands, against the console by default', () => {
    expect(
      parseCommand([
        'keys',
        'create',
        '--name',
        'upload robot',
        '--role',
        'operator',
        '--scopes',
        'ingest',
      ]),
    ).toEqual({
      name: 'keys',
      url: 'http://127.0.0.1:3000',
      action: { kind: 'create', keyName: 'upload robot', role: 'operator', scopes: ['ingest'] },
    });
    expect(parseCommand(['keys', 'list', '--url', 'https://console.example/'])).toEqual({
      name: 'keys',
      url: 'https://console.example',
      action: { kind: 'list' },
    });
    expect(parseCommand(['keys', 'revoke', '0123456789abcdef'])).toMatchObject({
      action: { kind: 'revoke', id: '0123456789abcdef' },
    });
  });

  it('takes --key out of any command line', () => {
    expect(takeKeyOption(['milestones', '--key', 'dwk_x', '--status', 'due'])).toEqual({
      argv: ['milestones', '--status', 'due'],
      key: 'dwk_x',
    });
    expect(takeKeyOption(['--key=dwk_y', 'keys', 'list'])).toEqual({
      argv: ['keys', 'list'],
      key: 'dwk_y',
    });
    expect(takeKeyOption(['keys', 'list'])).toEqual({ argv: ['keys', 'list'], key: null });
    expect(() => takeKeyOption(['keys', 'list', '--key'])).toThrow(/--key <value>/);
  });

  it.each([
    [
      [],
      'missing command: one of ingest, milestones, calendar, tail, replay, keys (dealwatch help)',
    ],
    [
      ['deploy'],
      'unknown command "deploy": one of ingest, milestones, calendar, tail, replay, keys',
    ],
    [['keys'], 'keys needs create, list or revoke (dealwatch help)'],
    [
      ['keys', 'create', '--role', 'admin'],
      'keys create needs --name NAME (who or what uses the key)',
    ],
    [
      ['keys', 'create', '--name', 'x', '--role', 'root'],
      'keys create needs --role viewer|operator|admin',
    ],
    [
      ['keys', 'create', '--name', 'x', '--role', 'viewer', '--scopes', 'ingest,mars'],
      'unknown scope "mars": one of ingest, clause-extraction, milestone-scheduler, alerting, console (comma separated)',
    ],
    [['keys', 'revoke'], 'missing argument: the id of the key to revoke'],
    [
      ['keys', 'revoke', 'ops-laptop'],
      'a key id is 16 hexadecimal digits (keys list shows them), not "ops-laptop"',
    ],
    [['ingest'], 'missing argument: a file or folder to ingest'],
    [['ingest', 'a.txt', 'b.txt'], 'unexpected argument "b.txt"'],
    [['ingest', 'a.txt', '--url', 'ftp://x'], '--url must be an http(s) URL, not "ftp://x"'],
    [['milestones', '--limit', '5'], "Unknown option '--limit'"],
    [['milestones', '--status'], "Option '--status <value>' argument missing"],
    [
      ['milestones', '--status', 'late'],
      'unknown status "late": one of tracked, pending, due, overdue, met, waived, cancelled (comma separated)',
    ],
    [
      ['milestones', '--due-before', '2026-02-30'],
      '--due-before must be a calendar date YYYY-MM-DD, not "2026-02-30"',
    ],
    [
      ['tail', 'dealwatch.reminders'],
      'unknown topic "dealwatch.reminders": a contract topic such as dealwatch.milestone.reminder.v1, or <topic>.dlq',
    ],
    [
      ['tail', 'dealwatch.milestone.reminder.v1', '--brokers', 'localhost'],
      '--brokers must be host:port[,host:port], not "localhost"',
    ],
    [
      ['replay', 'dealwatch.milestone.reminder.v1.dlq', '--to', 'dealwatch.milestone.reminder.v1'],
      'replay needs --from-offset N',
    ],
    [
      ['replay', 'dealwatch.milestone.reminder.v1.dlq', '--from-offset', '0'],
      'replay needs --to <topic>',
    ],
    [
      [
        'replay',
        'dealwatch.milestone.reminder.v1.dlq',
        '--from-offset=-1',
        '--to',
        'dealwatch.milestone.reminder.v1',
      ],
      '--from-offset must be a whole number, not "-1"',
    ],
    [
      [
        'replay',
        'dealwatch.milestone.reminder.v1',
        '--from-offset',
        '0',
        '--to',
        'dealwatch.milestone.reminder.v1',
      ],
      'replay --to must name another topic',
    ],
  ])('refuses %j with one line: %s', (argv, message) => {
    expect(usageErrorOf(argv)).toBe(message);
  });
});
