import { Agent, request as httpRequest } from 'node:http';

import type { FuzzAnswer, FuzzCase } from './fuzz-case';

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Sends the case as is (no normalisation of its path) and reads the answer. */
export function send(base: string, fuzzCase: FuzzCase): Promise<FuzzAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: fuzzCase.method,
        path: fuzzCase.target,
        headers: fuzzCase.headers,
        agent,
        timeout: 30_000,
      },
      (response) => {
        const contentType = response.headers['content-type'] ?? '';
        // A stream (server-sent events) that opened is a success; its body never ends.
        if (contentType.startsWith('text/event-stream')) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, contentType, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, contentType, body });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
    request.on('error', reject);
    request.end(fuzzCase.body);
  });
}

/** What is wrong with the answer to a case; empty when it is right. */
export function violationsOf(fuzzCase: FuzzCase, answer: FuzzAnswer): string[] {
  const violations: string[] = [];
  if (answer.status >= 500) violations.push(`answered ${answer.status}`);
  if (fuzzCase.expectStatus && !fuzzCase.expectStatus.includes(answer.status)) {
    violations.push(`answered ${answer.status}, not ${fuzzCase.expectStatus.join(' or ')}`);
  }
  if (fuzzCase.mustReject && answer.status < 400) {
    violations.push(`accepted an invalid ${fuzzCase.field ?? 'request'} with ${answer.status}`);
  }
  if (answer.status < 400) return violations;
  if (!answer.contentType.startsWith('application/problem+json')) {
    violations.push(
      `a ${answer.status} of content type "${answer.contentType}", not problem details`,
    );
    return violations;
  }
  let problem: {
    type?: unknown;
    title?: unknown;
    status?: unknown;
    detail?: unknown;
    errors?: unknown;
  };
  try {
    problem = JSON.parse(answer.body) as typeof problem;
  } catch {
    return [...violations, 'a problem that is not JSON'];
  }
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string') {
    violations.push('a problem without type and title');
  }
  if (problem.status !== answer.status)
    violations.push(`a problem of status ${String(problem.status)}`);
  if (
    fuzzCase.field !== undefined &&
    [400, 422].includes(answer.status) &&
    !names(problem, fuzzCase.field) &&
    !(fuzzCase.otherFaults && namesSomeField(problem))
  ) {
    violations.push(
      `a ${answer.status} that does not name ${fuzzCase.field}: ${answer.body.slice(0, 300)}`,
    );
  }
  return violations;
}

function namesSomeField(problem: { errors?: unknown }): boolean {
  return Array.isArray(problem.errors) && problem.errors.length > 0;
}

function names(problem: { detail?: unknown; errors?: unknown }, field: string): boolean {
  const errors = Array.isArray(problem.errors) ? (problem.errors as { field?: unknown }[]) : [];
  const byField = errors.some(
    (error) =>
      typeof error.field === 'string' &&
      (error.field === field ||
        error.field.startsWith(`${field}.`) ||
        error.field.startsWith(`${field}[`)),
  );
  return byField || (typeof problem.detail === 'string' && problem.detail.includes(field));
}

/** Sends one case and returns its violations (a failed request is one). */
export async function check(base: string, fuzzCase: FuzzCase): Promise<string[]> {
  try {
    return violationsOf(fuzzCase, await send(base, fuzzCase));
  } catch (error) {
    return [`no answer: ${error instanceof Error ? error.message : String(error)}`];
  }
}
