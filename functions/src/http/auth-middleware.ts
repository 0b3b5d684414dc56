import { DomainError, type TRole } from '@boucle/shared';
import { createMiddleware } from 'hono/factory';
import type { TVerifier } from '../auth/verifier.js';
import type { TAppEnv } from './env.js';

/** Every route but sign-in and the API description needs a valid bearer token. */
export const requireIdentity = (verify: TVerifier) =>
  createMiddleware<TAppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    const identity = token ? await verify(token) : null;
    if (!identity) throw new DomainError('unauthenticated', 'Sign in first');
    c.set('identity', identity);
    await next();
  });

export const requireRole = (role: TRole) =>
  createMiddleware<TAppEnv>(async (c, next) => {
    if (!c.get('identity').roles.includes(role)) {
      throw new DomainError('forbidden', `Only the ${role} role may do this`);
    }
    await next();
  });
