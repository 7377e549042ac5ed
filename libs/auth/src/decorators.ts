import { SetMetadata, UseGuards, applyDecorators, createParamDecorator } from '@nestjs/common';
import type { CanActivate, ExecutionContext, Type } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

import type { AuthenticatedRequest, Principal } from './principal';
import type { Role } from './roles';

export const PUBLIC_ROUTE = 'dealwatch:auth:public';
export const REQUIRED_ROLE = 'dealwatch:auth:role';
export const SIGNED_LINK_ROUTE = 'dealwatch:auth:signed-link';
/** OpenAPI extensions the platform turns into `security: []` and the role a route needs. */
export const OPENAPI_PUBLIC = 'x-dealwatch-public';
export const OPENAPI_ROLE = 'x-dealwatch-role';

/**
 * A route anyone may call without credentials. Only health probes, the console's page shell and
 * links that carry their own signature deserve it. Put it on each handler (OpenAPI reads handlers).
 */
export function Public(): MethodDecorator {
  return applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(OPENAPI_PUBLIC, true));
}

/**
 * A route that needs a credential like any other, or instead a signed link: a request without
 * `Authorization` but with `exp` and `sig` in its query passes the platform's guard only to meet
 * `guard`, which must check the signature (and let an authenticated request through).
 */
export function AcceptsSignedLink(guard: Type<CanActivate>): MethodDecorator {
  return applyDecorators(SetMetadata(SIGNED_LINK_ROUTE, true), UseGuards(guard));
}

/** The least role a route needs, instead of its method's default (GET: viewer, others: operator). */
export function Roles(role: Role): MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRED_ROLE, role), ApiExtension(OPENAPI_ROLE, role));
}

/** The authenticated caller of this request (set by the platform's guard). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('no principal on a route that needs one: is it @Public()?');
    return principal;
  },
);
