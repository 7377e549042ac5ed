import { messageLine, payloadSummary, replayHeaders, replayRanges } from './kafka-messages';

const AGREEMENT = '6e9ec511-33c6-4a08-b9e7-8347780d70a9';
const EVENT = '91f8fc64-5408-4eb0-8cd3-a274422e8329';

describe('messageLine', () => {
  it('shows time, key, CloudEvents type and id, then the payload', () => {
    const line = messageLine({
      // 2026-04-26T00:00:00Z in milliseconds: 20569 days * 86 400 000.
      timestamp: '1777161600000',
      key: Buffer.from(AGREEMENT),
      value: Buffer.from(
        JSON.stringify({
          reminderId: EVENT,
          agreementId: AGREEMENT,
          title: 'ministerial meeting',
          offset: 'overdue',
          late: false,
        }),
      ),
      headers: {
        ce_type: Buffer.from('dealwatch.milestone.reminder.v1'),
        ce_id: Buffer.from(EVENT),
      },
    });
    expect(line).toBe(
      `2026-04-26T00:00:00.000Z  ${AGREEMENT}  dealwatch.milestone.reminder.v1  ${EVENT}  title="ministerial meeting" offset="overdue" late=false`,
    );
  });

  it('puts a dead-letter reason first and dashes what a record lacks', () => {
    const line = messageLine({
      timestamp: '0',
      key: null,
      value: Buffer.from('{"n":1}'),
      headers: { dlq_error: Buffer.from('payload.title must be a string') },
    });
    expect(line).toBe(
      '1970-01-01T00:00:00.000Z  -  -  -  dlq_error="payload.title must be a string" n=1',
    );
  });
});

describe('payloadSummary', () => {
  it('shows lists as their length, objects elided, at most five fields', () => {
    const payload = {
      agreementId: AGREEMENT,
      obligations: [1, 2, 3],
      evidence: { text: 'x' },
      a: 1,
      b: 2,
      c: 3,
      d: 4,
    };
    expect(payloadSummary(Buffer.from(JSON.stringify(payload)), [AGREEMENT])).toBe(
      'obligations=[3] evidence={…} a=1 b=2 c=3',
    );
  });

  it('cuts long strings and says when a value is not JSON or absent', () => {
    expect(payloadSummary(Buffer.from(JSON.stringify({ title: 'x'.repeat(50) })))).toBe(
      `title="${'x'.repeat(39)}…"`,
    );
    expect(payloadSummary(Buffer.from('plain  text\nvalue'))).toBe('plain text value');
    expect(payloadSummary(Buffer.from([0, 159, 146, 150]))).toBe('(4 bytes, not text)');
    expect(payloadSummary(null)).toBe('(no value)');
  });
});

describe('replayRanges', () => {
  const offsets = [
    { partition: 1, low: '0', high: '40' },
    { partition: 0, low: '25', high: '30' },
    { partition: 2, low: '0', high: '10' },
  ];

  it('copies every partition from the offset (or its oldest record) to the current end', () => {
    expect(replayRanges(offsets, '12', null)).toEqual([
      { partition: 0, start: '25', end: '30' },
      { partition: 1, start: '12', end: '40' },
      // Partition 2 ends at 10: nothing at or after offset 12.
    ]);
  });

  it('keeps to one partition when asked, and names the ones there are otherwise', () => {
    expect(replayRanges(offsets, '12', 1)).toEqual([{ partition: 1, start: '12', end: '40' }]);
    expect(() => replayRanges(offsets, '0', 7)).toThrow(
      'no partition 7: the topic has partitions 1, 0, 2',
    );
  });

  it('compares offsets as 64-bit numbers, not as text', () => {
    expect(
      replayRanges([{ partition: 0, low: '9', high: '9007199254740995' }], '9007199254740993', 0),
    ).toEqual([{ partition: 0, start: '9007199254740993', end: '9007199254740995' }]);
  });
});

describe('replayHeaders', () => {
  it('keeps the CloudEvents headers and drops the dead-letter ones', () => {
    const ceId = Buffer.from(EVENT);
    expect(
      replayHeaders({
        ce_id: ceId,
        ce_type: 'dealwatch.milestone.reminder.v1',
        dlq_error: 'boom',
        dlq_original_topic: 'dealwatch.milestone.reminder.v1',
        dlq_original_partition: '0',
        dlq_original_offset: '7',
        dlq_consumer_group: 'alerting',
        dlq_failed_at: '2026-04-26T00:00:00.000Z',
      }),
    ).toEqual({ ce_id: ceId, ce_type: 'dealwatch.milestone.reminder.v1' });
  });
});
