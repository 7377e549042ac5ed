import { ENV } from '@dealwatch/platform';

import { BadGatewayException, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { ConsoleEnv } from '../console.env';

export interface UpstreamRequest {
  service: 'ingest' | 'alerting';
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** The caller's own `Authorization` header, passed on unchanged: the upstream decides. */
  authorization: string | undefined;
  contentType?: string;
  body?: string | Buffer;
}

/**
 * What the console asks of other services goes to their public HTTP APIs, as any client's request
 * would, and their answer (status and body) goes back to the page as it came.
 */
@Injectable()
export class Upstream {
  constructor(@Inject(ENV) private readonly env: ConsoleEnv) {}

  /** Relays the upstream's answer to `response`; true when it was a success. */
  async forward(response: Response, request: UpstreamRequest): Promise<boolean> {
    const base = request.service === 'ingest' ? this.env.INGEST_URL : this.env.ALERTING_URL;
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.authorization) headers['authorization'] = request.authorization;
    const answer = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers,
      body: request.body ?? null,
    }).catch((error: unknown) => {
      throw new BadGatewayException(
        `${request.service} did not answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    const text = await answer.text();
    response.status(answer.status);
    if (text) response.type(answer.headers.get('content-type') ?? 'application/json').send(text);
    else response.end();
    return answer.ok;
  }
}
