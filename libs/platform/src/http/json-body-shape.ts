import type { NextFunction, Request, Response } from 'express';

import { ProblemTypes } from '../problems/problem-details';
import { ProblemException } from '../problems/problem.exception';

/** Deeper than any body of the API (a routing tree of 30 levels is 60); deeper ones are refused. */
export const MAX_JSON_DEPTH = 64;

/**
 * Keys class-transformer skips without a word: with them a body would pass `forbidNonWhitelisted`
 * although they are no field of any request.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const invalidField = (field: string, message: string) =>
  new ProblemException(400, {
    type: ProblemTypes.validation,
    detail: message,
    errors: [{ field, message }],
  });

/**
 * What is wrong with the shape of a parsed JSON body (or query, or form) before any DTO sees it:
 * nesting deeper than MAX_JSON_DEPTH (class-transformer and class-validator recurse, and a
 * 10 000-deep body overflows their stack: a 500), a reserved key, a NUL character, which no
 * PostgreSQL text can hold (it failed the insert or query: a 500), or an unpaired surrogate (a
 * `\ud800` escape), which is no Unicode text: stored as text it silently became U+FFFD, while the
 * events carried it on, and PostgreSQL refused the JSON that held it, so a service downstream
 * dead-lettered them. Walks without recursion.
 */
export function jsonBodyShapeProblem(body: unknown): ProblemException | null {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return invalidField(path, `${path || 'the body'} ${problem}`);
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      const message = `${path || 'the body'} nests deeper than ${MAX_JSON_DEPTH} levels`;
      return new ProblemException(400, {
        type: ProblemTypes.malformedBody,
        detail: message,
        errors: [{ field: path, message }],
      });
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && RESERVED_KEYS.has(key)) {
        return invalidField(childPath, `${childPath} should not exist`);
      }
      const keyProblem = textProblem(key);
      if (keyProblem) return invalidField(childPath, `${childPath} ${keyProblem}`);
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (!text.isWellFormed()) return 'must be well-formed Unicode, without unpaired surrogates';
  return null;
}

/** Express middleware, placed after the JSON body parser: checks the body and the query. */
export function jsonBodyShape(request: Request, _response: Response, next: NextFunction): void {
  next(
    jsonBodyShapeProblem(request.body as unknown) ??
      jsonBodyShapeProblem(request.query) ??
      undefined,
  );
}
