import { MAX_JSON_DEPTH, jsonBodyShapeProblem } from './json-body-shape';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('jsonBodyShapeProblem', () => {
  it('lets bodies of ordinary shape through', () => {
    expect(
      jsonBodyShapeProblem({ title: 'x', reminders: ['P7D'], rate: { per: 'PT1H' } }),
    ).toBeNull();
    expect(jsonBodyShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonBodyShapeProblem(undefined)).toBeNull();
  });

  it('refuses nesting deeper than the limit as a malformed body, 10 000 levels too', () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 10_000]) {
      expect(jsonBodyShapeProblem(nested(depth))?.getResponse()).toMatchObject({
        status: 400,
        type: 'https://dealwatch.dev/problems/malformed-body',
        detail: expect.stringMatching(/^\[0\](\[0\])+ nests deeper than 64 levels$/),
      });
    }
  });

  it('names the field under which the nesting is too deep', () => {
    const body = { title: 'x', by: nested(1_000) };
    const problem = jsonBodyShapeProblem(body)?.getResponse() as { errors: { field: string }[] };
    expect(problem.errors[0]!.field).toMatch(/^by(\[0\])+$/);
  });

  it('refuses reserved keys, which class-transformer would skip unseen, naming where they are', () => {
    const body = JSON.parse('{"route":{"routes":[{"__proto__":{"admin":true}}]}}') as unknown;
    expect(jsonBodyShapeProblem(body)?.getResponse()).toMatchObject({
      type: 'https://dealwatch.dev/problems/validation',
      errors: [{ field: 'route.routes[0].__proto__' }],
    });
    expect(jsonBodyShapeProblem({ name: 'x', constructor: 1 })?.getResponse()).toMatchObject({
      errors: [{ field: 'constructor', message: 'constructor should not exist' }],
    });
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold, naming the field', () => {
    expect(jsonBodyShapeProblem({ comment: '/etc/passwd\u0000.txt' })?.getResponse()).toMatchObject(
      {
        status: 400,
        type: 'https://dealwatch.dev/problems/validation',
        errors: [{ field: 'comment', message: 'comment must not contain NUL characters' }],
      },
    );
    expect(jsonBodyShapeProblem({ to: ['a@example.com', 'b\u0000'] })?.getResponse()).toMatchObject(
      {
        errors: [{ field: 'to[1]' }],
      },
    );
    expect(jsonBodyShapeProblem({ category: '\u0000' })?.getResponse()).toMatchObject({
      errors: [{ field: 'category' }],
    });
  });

  it('refuses an unpaired surrogate, which is no Unicode text, naming the field', () => {
    expect(
      jsonBodyShapeProblem({ title: 'Lone \ud800 surrogate pact' })?.getResponse(),
    ).toMatchObject({
      status: 400,
      errors: [
        {
          field: 'title',
          message: 'title must be well-formed Unicode, without unpaired surrogates',
        },
      ],
    });
    expect(jsonBodyShapeProblem({ parties: ['Japan', '\udfff'] })?.getResponse()).toMatchObject({
      errors: [{ field: 'parties[1]' }],
    });
    expect(jsonBodyShapeProblem({ labels: { '\ud83c': 'x' } })).not.toBeNull();
    expect(jsonBodyShapeProblem({ title: 'a pair stays: \ud83c\udf0f' })).toBeNull();
  });
});
