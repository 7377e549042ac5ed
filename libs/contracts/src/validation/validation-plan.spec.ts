import { plainToInstance } from 'class-transformer';
import { IsString, ValidateNested, validateSync } from 'class-validator';
import fc from 'fast-check';
import 'reflect-metadata';

import { payloadClasses } from '../event-map';
import type { EventPayloads } from '../event-map';
import { Topics, allTopics } from '../topics';
import type { Topic } from '../topics';
import { validationPlanOf } from './validation-plan';

const ids = {
  agreement: '0b0c7d3e-6f1a-4c1e-9d55-5a3c2b1f0e11',
  milestone: '3f1e0a52-1b9c-4b9e-8d2a-6f4c0e7b9a10',
  reminder: '9d2f4b1a-7c3e-4e5f-8a6b-1c2d3e4f5a6b',
  alert: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  other: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
};

const validPayloads: EventPayloads = {
  [Topics.AgreementIngestedV1]: {
    agreementId: ids.agreement,
    title: 'US, Japan Sign Framework Deal',
    text: 'The two countries will provide financing within six months.',
    contentSha256: 'a'.repeat(64),
    sourceUrl: 'https://example.org/story',
    publishedAt: '2025-10-28',
    signedAt: null,
    ingestedAt: '2025-10-28T10:00:00.000Z',
  },
  [Topics.AgreementDocumentAddedV1]: {
    agreementId: ids.agreement,
    documentId: ids.other,
    text: 'Annex I lists the priority projects.',
    contentSha256: 'b'.repeat(64),
    title: null,
    sourceUrl: null,
    publishedAt: null,
    mediaType: 'text/plain',
    linkedBecause: {
      similarity: 0.82,
      sharedSignals: ['parties', 'date'],
      matchedDocumentId: ids.milestone,
    },
    addedAt: '2025-10-29T08:30:00+09:00',
  },
  [Topics.ClausesExtractedV1]: {
    agreementId: ids.agreement,
    extractionId: ids.other,
    extractorVersion: 'rules-1',
    extractedAt: '2025-10-28T10:00:01Z',
    title: 'Framework',
    publishedAt: '2025-10-28',
    signedAt: '2025-10-28',
    effectiveAt: null,
    parties: ['United States', 'Japan'],
    obligations: [
      {
        obligationKey: 'k1',
        text: 'provide financing within six months',
        span: [10, 45],
        actors: ['United States', 'Japan'],
        action: 'provide financing',
        category: 'financing',
        binding: true,
        confidence: 0.9,
        deadline: {
          expression: 'within six months',
          kind: 'within',
          dueDate: '2026-04-28',
          duration: 'P6M',
          businessDays: false,
          relation: 'after',
          recurrence: null,
          rule: null,
          anchor: { type: 'signing', date: '2025-10-28', ref: null },
        },
      },
      {
        obligationKey: 'k2',
        text: 'cooperate',
        span: [50, 59],
        actors: [],
        action: 'cooperate',
        category: 'other',
        binding: false,
        confidence: 0.4,
        deadline: null,
      },
    ],
  },
  [Topics.MilestoneScheduledV1]: {
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    obligationKey: 'k1',
    title: 'Provide financing',
    category: 'financing',
    dueDate: '2026-04-28',
    overdueAt: '2026-04-29T00:00:00.000Z',
    evidence: 'provide financing within six months',
    reminders: [
      {
        reminderId: ids.reminder,
        offset: 'P7D',
        fireAt: '2026-04-21T00:00:00Z',
        status: 'pending',
      },
      { reminderId: ids.other, offset: 'overdue', fireAt: '2026-04-29T00:00:00Z', status: 'fired' },
    ],
  },
  [Topics.MilestoneReminderV1]: {
    reminderId: ids.reminder,
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    title: 'Provide financing',
    category: 'financing',
    offset: 'P7D',
    dueDate: '2026-04-28',
    scheduledFor: '2026-04-21T00:00:00Z',
    firedAt: '2026-04-21T00:00:02Z',
    late: false,
    agreementTitle: null,
    evidence: { text: 'provide financing within six months', span: [10, 45] },
  },
  [Topics.MilestoneStatusChangedV1]: {
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    previousStatus: 'pending',
    status: 'met',
    dueDate: '2026-04-28',
    previousDueDate: null,
    changedAt: '2026-04-20T12:00:00Z',
    actor: 'ops@example.org',
    reason: null,
  },
  [Topics.AlertDeliveredV1]: {
    alertId: ids.alert,
    reminderId: ids.reminder,
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    receiver: 'ops-webhook',
    attempts: 1,
    deliveredAt: '2026-04-21T00:00:03Z',
  },
  [Topics.AlertAcknowledgedV1]: {
    alertId: ids.alert,
    reminderId: ids.reminder,
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    acknowledgedBy: 'ops@example.org',
    comment: null,
    via: 'link',
    acknowledgedAt: '2026-04-21T01:00:00Z',
  },
  [Topics.AlertResolvedV1]: {
    alertId: ids.alert,
    reminderId: ids.reminder,
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    milestoneStatus: 'met',
    actor: 'ops@example.org',
    reason: 'financing provided',
    resolvedAt: '2026-04-22T00:00:00Z',
  },
  [Topics.AlertEscalatedV1]: {
    alertId: ids.alert,
    reminderId: ids.reminder,
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    level: 2,
    receivers: ['duty-manager'],
    firingSince: '2026-04-21T00:00:03Z',
    escalatedAt: '2026-04-21T04:00:03Z',
  },
  [Topics.AlertFailedV1]: {
    alertId: ids.alert,
    reminderId: ids.reminder,
    milestoneId: ids.milestone,
    agreementId: ids.agreement,
    receiver: 'ops-webhook',
    notification: 'firing',
    attempts: 8,
    reason: 'HTTP 503',
    failedAt: '2026-04-21T06:00:00Z',
  },
  [Topics.ObligationReviewedV1]: {
    reviewId: ids.other,
    agreementId: ids.agreement,
    obligationKey: 'k1',
    verdict: 'corrected',
    dueDate: '2026-05-01',
    extractedDueDate: '2026-04-28',
    by: 'analyst@example.org',
    reason: 'the annex moves the date',
    reviewedAt: '2025-11-02T09:00:00Z',
  },
};

/** class-validator's own verdict, as parseEventPayload reached it before there was a plan. */
function classValidatorAccepts(topic: Topic, json: object): boolean {
  const instance = plainToInstance(payloadClasses[topic] as new () => object, json);
  return validateSync(instance, { forbidUnknownValues: true }).length === 0;
}

function planOf(topic: Topic): (json: object) => boolean {
  const plan = validationPlanOf(payloadClasses[topic]);
  if (!plan) throw new Error(`no validation plan for ${topic}`);
  return plan;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a JSON value, the root's own fields and array elements included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((element, index) => [index, element])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

type Mutation = { at: number; change: 'delete' } | { at: number; change: 'set'; to: Json };

function mutated(original: object, mutations: Mutation[]): object {
  const copy = structuredClone(original) as Json;
  for (const mutation of mutations) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[mutation.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as never)[key], copy) as
      Json[] | Record<string, Json>;
    const key = path.at(-1)!;
    if (mutation.change === 'set') (parent as Record<string | number, Json>)[key] = mutation.to;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else Reflect.deleteProperty(parent, key);
  }
  return copy as object;
}

/** Values near the edges of the contracts' constraints, and arbitrary JSON. */
const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1,
    1.5,
    2,
    '',
    ' ',
    'x',
    '2025-02-29',
    '2024-02-29',
    '2025-10-28T10:00:00Z',
    '2025-10-28T10:00:00',
    'P6M',
    'overdue',
    'within',
    'met',
    ids.other,
    ids.other.toUpperCase(),
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(1001),
    'https://example.org',
    [],
    [1],
    [1, 2],
    [-1, 2],
    [1.5, 2],
    ['a'],
    [null],
    [{}],
    {},
    { text: 'evidence', span: [1, 2] },
  ),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

const mutations = fc.array(
  fc.oneof(
    fc.record({ at: fc.nat(), change: fc.constant('delete' as const) }),
    fc.record({ at: fc.nat(), change: fc.constant('set' as const), to: replacement }),
  ),
  { minLength: 1, maxLength: 3 },
);

describe('validationPlanOf', () => {
  it.each(allTopics)('has a plan for %s that accepts its valid payload', (topic) => {
    const json = JSON.parse(JSON.stringify(validPayloads[topic])) as object;
    expect(classValidatorAccepts(topic, json)).toBe(true);
    expect(planOf(topic)(json)).toBe(true);
  });

  it.each(allTopics)('agrees with class-validator on mutations of a %s payload', (topic) => {
    const plan = planOf(topic);
    const verdicts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(mutations, (changes) => {
        const json = JSON.parse(JSON.stringify(mutated(validPayloads[topic], changes))) as object;
        const accepted = classValidatorAccepts(topic, json);
        verdicts[accepted ? 'accepted' : 'refused'] += 1;
        expect(plan(json)).toBe(accepted);
      }),
      { numRuns: 300 },
    );
    // Both sides were exercised: the mutations are not all harmless, nor all fatal.
    expect(verdicts.refused).toBeGreaterThan(0);
    expect(verdicts.accepted).toBeGreaterThan(0);
  });

  it('has no plan for a class whose constructor sets a field, which plainToInstance would keep', () => {
    class WithDefault {
      @IsString()
      name = 'unnamed';
    }
    expect(validationPlanOf(WithDefault)).toBeNull();
  });

  it('has no plan where class-validator would meet a nested plain object (no @Type)', () => {
    class Inner {
      @IsString()
      name!: string;
    }
    class Outer {
      @ValidateNested()
      inner!: Inner;
    }
    expect(validationPlanOf(Outer)).toBeNull();
  });

  it('has no plan for a class without validation metadata, which class-validator refuses', () => {
    expect(validationPlanOf(class Empty {})).toBeNull();
  });
});
