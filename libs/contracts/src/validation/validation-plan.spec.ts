import { plainToInstance } from 'class-transformer';
import { IsString, ValidateNested, validateSync } from 'class-validator';
import fc from 'fast-check';
import 'reflect-metadata';

import { payloadClasses } from '../event-map';
import { allTopics } from '../topics';
import type { Topic } from '../topics';
import { sampleIds, validPayloads } from '../valid-payloads.fixture';
import { validationPlanOf } from './validation-plan';

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
    // A copy: a later mutation may land inside it, and fast-check reuses its values when shrinking.
    if (mutation.change === 'set')
      (parent as Record<string | number, Json>)[key] = structuredClone(mutation.to);
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else Reflect.deleteProperty(parent, key);
  }
  return copy as object;
}

/** Every value that is not an object or array, anywhere in a JSON value. */
function leavesOf(value: Json): Json[] {
  if (value === null || typeof value !== 'object') return [value];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap(leavesOf);
}

/**
 * Values some contract field holds in a valid payload: set in another field, one of the same kind
 * often keeps the payload valid, so the plan's acceptances are tested on more than the one payload.
 */
const validLeaves = allTopics.flatMap((topic) => leavesOf(validPayloads[topic] as Json));

/** Values near the edges of the contracts' constraints, values fields hold, and arbitrary JSON. */
const replacement: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom(...validLeaves), weight: 4 },
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
    sampleIds.other,
    sampleIds.other.toUpperCase(),
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
