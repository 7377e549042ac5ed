import {
  Authenticator,
  PUBLIC_ROUTE,
  REQUIRED_ROLE,
  defaultRoleFor,
  inScope,
  roleAtLeast,
} from '@dealwatch/auth';
import type { AuthenticatedRequest, Role } from '@dealwatch/auth';

import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { ProblemException } from '../problems';
import type { ServiceOptions } from '../service-options';
import { SERVICE_OPTIONS } from '../tokens';
import { bearerTokenOf, invalidTokenChallenge } from './bearer-token';

const MISSING = 'this endpoint needs credentials: send Authorization: Bearer <API key or token>';
const MALFORMED = 'the Authorization header must be Bearer <API key or token>';

/**
 * Every route of every service needs a credential unless it is `@Public()`: an API key or a JWT,
 * as `Authorization: Bearer`. Reading needs the viewer role, writing operator, and routes that
 * configure the system say `@Roles('admin')`. A key scoped to other services is refused here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly service: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.service = options.name;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();

    const bearer = bearerTokenOf(request.headers.authorization);
    if (bearer.kind === 'none') throw new ProblemException(401, { detail: MISSING });
    if (bearer.kind === 'malformed') {
      throw new ProblemException(401, {
        detail: MALFORMED,
        headers: { 'www-authenticate': invalidTokenChallenge(MALFORMED) },
      });
    }
    const outcome = await this.authenticator.authenticate(bearer.token);
    if (!outcome.ok) {
      throw new ProblemException(outcome.status, {
        detail: outcome.reason,
        ...(outcome.status === 401
          ? { headers: { 'www-authenticate': invalidTokenChallenge(outcome.reason) } }
          : {}),
      });
    }
    const { principal } = outcome;
    request.principal = principal;

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
}
