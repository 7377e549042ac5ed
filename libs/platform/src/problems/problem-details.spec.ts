import { BadRequestException, NotFoundException } from '@nestjs/common';

import { ProblemTypes, fieldErrorOf, problemOfHttpResponse } from './problem-details';
import { ProblemException } from './problem.exception';
import { requestBodyProblem } from './request-body-errors';

describe('problemOfHttpResponse', () => {
  it('keeps a Nest exception’s status and message as the detail, with the status phrase as title', () => {
    const error = new NotFoundException('no agreement 42');
    expect(problemOfHttpResponse(error.getStatus(), error.getResponse())).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no agreement 42',
    });
  });

  it('leaves out a detail that only repeats the title', () => {
    const error = new NotFoundException();
    expect(problemOfHttpResponse(404, error.getResponse())).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
    });
  });

  it('reads a list of messages as a validation problem naming each field', () => {
    const error = new BadRequestException([
      'route.routes[0].matchers[0]: "party" is not a label an alert has',
      'no receiver is named "nobody"',
    ]);
    expect(problemOfHttpResponse(400, error.getResponse())).toEqual({
      type: ProblemTypes.validation,
      title: 'Invalid request',
      status: 400,
      detail:
        'route.routes[0].matchers[0]: "party" is not a label an alert has; no receiver is named "nobody"',
      errors: [
        {
          field: 'route.routes[0].matchers[0]',
          message: 'route.routes[0].matchers[0]: "party" is not a label an alert has',
        },
        { field: '', message: 'no receiver is named "nobody"' },
      ],
    });
  });

  it('gives statuses that mean one thing here their own type', () => {
    expect(problemOfHttpResponse(401, 'no credentials').type).toBe(ProblemTypes.unauthenticated);
    expect(problemOfHttpResponse(403, 'read-only').type).toBe(ProblemTypes.forbidden);
    expect(problemOfHttpResponse(413, 'too big').type).toBe(ProblemTypes.payloadTooLarge);
    expect(problemOfHttpResponse(429, 'slow down')).toMatchObject({
      type: ProblemTypes.rateLimited,
      title: 'Too many requests',
      detail: 'slow down',
    });
  });

  it('passes a ProblemException through as it was made', () => {
    const error = new ProblemException(401, { detail: 'the API key was revoked' });
    expect(problemOfHttpResponse(401, error.getResponse())).toEqual({
      type: ProblemTypes.unauthenticated,
      title: 'Authentication required',
      status: 401,
      detail: 'the API key was revoked',
    });
  });
});

describe('fieldErrorOf', () => {
  it('takes a leading dotted path as the field', () => {
    expect(fieldErrorOf('endsAt: must be in the future').field).toBe('endsAt');
    expect(fieldErrorOf('a.b[3].c: wrong').field).toBe('a.b[3].c');
    expect(fieldErrorOf('the root must name receivers').field).toBe('');
  });
});

describe('requestBodyProblem', () => {
  const parserError = (status: number, type: string, message: string, extra = {}) =>
    Object.assign(new Error(message), { status, statusCode: status, expose: true, type, ...extra });

  it('names the JSON error of a malformed body', () => {
    const problem = requestBodyProblem(
      parserError(
        400,
        'entity.parse.failed',
        "Expected property name or '}' in JSON at position 1",
      ),
    ) as ProblemException;
    expect(problem.getStatus()).toBe(400);
    expect(problem.getResponse()).toMatchObject({
      type: ProblemTypes.malformedBody,
      detail: "the body is not valid JSON: Expected property name or '}' in JSON at position 1",
    });
  });

  it('says how large a body may be', () => {
    const problem = requestBodyProblem(
      parserError(413, 'entity.too.large', 'request entity too large', { limit: 1024 }),
    ) as ProblemException;
    expect(problem.getStatus()).toBe(413);
    expect(problem.getResponse()).toMatchObject({
      type: ProblemTypes.payloadTooLarge,
      detail: 'the request body is larger than 1024 bytes',
    });
  });

  it('leaves errors that are not the client’s alone', () => {
    const bug = new TypeError('x is undefined');
    expect(requestBodyProblem(bug)).toBe(bug);
  });
});
