import { DomainError, type TRole } from '@boucle/shared';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { TApiRoute } from '../api/routes.js';
import type { TVerifier } from '../auth/verifier.js';
import type { TAppEnv } from './env.js';

/** The checks a route's definition asks for, run before its input is validated. */
export function guardsOf(route: TApiRoute, verify: TVerifier): MiddlewareHandler<TAppEnv>[] {
  const guards: MiddlewareHandler<TAppEnv>[] = [];
  if (route['x-roles'].length > 0) guards.push(requireRoles(route['x-roles'], verify));
  if ('request' in route && route.request && 'body' in route.request) {
    guards.push(limitBody(route['x-max-body-bytes']));
  }
  return guards;
}

/** A valid bearer token, and at least one of the roles (every member is an employee). */
function requireRoles(roles: readonly TRole[], verify: TVerifier) {
  return createMiddleware<TAppEnv>(async (c, next) => {
    const token = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const identity = token ? await verify(token) : null;
    if (!identity) throw new DomainError('unauthenticated', 'Sign in first');
    if (!roles.some((role) => identity.roles.includes(role))) {
      throw new DomainError('forbidden', `Only the ${roles.join(' or ')} role may do this`);
    }
    c.set('identity', identity);
    await next();
  });
}

function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError('payload_too_large', 'The request body is too large', {
        body: `must be at most ${maxSize} bytes`,
      });
    },
  });
}
