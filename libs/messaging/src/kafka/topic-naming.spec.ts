import { Topics } from '@dealwatch/contracts';

import { TopicNaming } from './topic-naming';

describe('TopicNaming', () => {
  const naming = new TopicNaming('test.run1.');

  it('prefixes topics, dead-letter topics and consumer groups', () => {
    expect(naming.physical(Topics.AgreementIngestedV1)).toBe(
      'test.run1.dealwatch.agreement.ingested.v1',
    );
    expect(naming.deadLetter(Topics.AgreementIngestedV1)).toBe(
      'test.run1.dealwatch.agreement.ingested.v1.dlq',
    );
    expect(naming.consumerGroup('alerting')).toBe('test.run1.alerting');
  });

  it('maps a physical name back to its contract topic', () => {
    expect(naming.logical('test.run1.dealwatch.milestone.reminder.v1')).toBe(
      Topics.MilestoneReminderV1,
    );
  });

  it('does not claim topics of another prefix or unknown names', () => {
    expect(naming.logical('dealwatch.milestone.reminder.v1')).toBeNull();
    expect(naming.logical('test.run1.dealwatch.milestone.reminder.v9')).toBeNull();
  });

  it('uses contract names unchanged without a prefix', () => {
    expect(new TopicNaming('').physical(Topics.ClausesExtractedV1)).toBe(
      'dealwatch.clauses.extracted.v1',
    );
  });
});
