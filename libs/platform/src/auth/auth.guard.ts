import {
  Authenticator,
  PUBLIC_ROUTE,
  REQUIRED_ROLE,
  RateLimiter,
  SIGNED_LINK_ROUTE,
  defaultRoleFor,
  inScope,
  roleAtLeast,
} from '@dealwatch/auth';
import type { AuthenticatedRequest, Principal, RateWindow, Role } from '@dealwatch/auth';

import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';

import type { Clock } from '../clock';
import { ProblemException } from '../problems';
import type { ServiceEnv, ServiceOptions } from '../service-options';
import { CLOCK, ENV, RATE_LIMITER, SERVICE_OPTIONS } from '../tokens';
import { bearerTokenOf, invalidTokenChallenge } from './bearer-token';

const MISSING = 'this endpoint needs credentials: send Authorization: Bearer <API key or token>';
const MALFORMED = 'the Authorization header must be Bearer <API key or token>';

/**
 * Every route of every service needs a credential unless it is `@Public()`: an API key or a JWT,
 * as `Authorization: Bearer`. Reading needs the viewer role, writing operator, and routes that
 * configure the system say `@Roles('admin')`. A key scoped to other services is refused here.
 * Each caller has AUTH_RATE_LIMIT_PER_MINUTE requests a minute (RateLimit-* headers say where it
 * stands), and a client address AUTH_FAILED_ATTEMPTS_PER_MINUTE refused credentials.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly service: string;
  private readonly perMinute: number;
  private readonly failuresPerMinute: number;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
    @Inject(ENV) env: ServiceEnv,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter | null,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.service = options.name;
    this.perMinute = env.AUTH_RATE_LIMIT_PER_MINUTE;
    this.failuresPerMinute = env.AUTH_FAILED_ATTEMPTS_PER_MINUTE;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();

    const bearer = bearerTokenOf(request.headers.authorization);
    if (bearer.kind === 'none' && this.carriesSignedLink(request, context)) return true;
    if (bearer.kind === 'none') throw new ProblemException(401, { detail: MISSING });
    if (bearer.kind === 'malformed') {
      throw new ProblemException(401, {
        detail: MALFORMED,
        headers: { 'www-authenticate': invalidTokenChallenge(MALFORMED) },
      });
    }
    const client = `failed:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`;
    await this.refuseGuessing(client);
    const outcome = await this.authenticator.authenticate(bearer.token);
    if (!outcome.ok) {
      if (outcome.status === 401 && this.limiter && this.failuresPerMinute > 0) {
        await this.limiter.hit(client, this.failuresPerMinute, this.clock.now());
      }
      throw new ProblemException(outcome.status, {
        detail: outcome.reason,
        ...(outcome.status === 401
          ? { headers: { 'www-authenticate': invalidTokenChallenge(outcome.reason) } }
          : {}),
      });
    }
    const { principal } = outcome;
    request.principal = principal;
    await this.count(principal, response);

    if (!inScope(principal.scopes, this.service)) {
      throw new ProblemException(403, {
        detail: `${principal.name} may call ${principal.scopes.join(', ')} only, not ${this.service}`,
      });
    }
    const required =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) ??
      defaultRoleFor(request.method);
    if (!roleAtLeast(principal.role, required)) {
      throw new ProblemException(403, {
        detail: `${request.method} ${request.path} needs the ${required} role; ${principal.name} is ${principal.role}`,
      });
    }
    return true;
  }

  /** A signed link to a route whose own guard checks it (see `AcceptsSignedLink`). */
  private carriesSignedLink(request: Request, context: ExecutionContext): boolean {
    const query = request.query as Record<string, unknown>;
    return (
      query['exp'] !== undefined &&
      query['sig'] !== undefined &&
      this.reflector.getAllAndOverride<boolean | undefined>(SIGNED_LINK_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }

  /** 429 for an address that presented too many refused credentials this minute. */
  private async refuseGuessing(client: string): Promise<void> {
    if (!this.limiter || this.failuresPerMinute === 0) return;
    const window = await this.limiter.peek(client, this.failuresPerMinute, this.clock.now());
    if (window.allowed) return;
    throw tooMany(
      window,
      `too many refused credentials from this address; try again in ${window.resetSeconds} s`,
    );
  }

  /** Counts the request against its caller's minute, saying where it stands; 429 past the limit. */
  private async count(principal: Principal, response: Response): Promise<void> {
    if (!this.limiter || this.perMinute === 0) return;
    const window = await this.limiter.hit(principal.id, this.perMinute, this.clock.now());
    for (const [name, value] of Object.entries(rateHeaders(window)))
      response.setHeader(name, value);
    if (!window.allowed) {
      throw tooMany(
        window,
        `${principal.name} made more than ${window.limit} requests this minute; try again in ${window.resetSeconds} s`,
      );
    }
  }
}

function rateHeaders(window: RateWindow): Record<string, string> {
  return {
    'ratelimit-limit': String(window.limit),
    'ratelimit-remaining': String(window.remaining),
    'ratelimit-reset': String(window.resetSeconds),
  };
}

function tooMany(window: RateWindow, detail: string): ProblemException {
  return new ProblemException(429, {
    detail,
    headers: { ...rateHeaders(window), 'retry-after': String(window.resetSeconds) },
  });
}
