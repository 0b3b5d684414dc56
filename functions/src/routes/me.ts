import type { TMe } from '@boucle/shared';
import { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from '../http/env.js';

export function meRoutes(deps: TAppDeps): Hono<TAppEnv> {
  return new Hono<TAppEnv>().get('/', async (c) => {
    const identity = c.get('identity');
    const me: TMe = { ...identity, member: await deps.directory.memberByEmail(identity.email) };
    return c.json(me);
  });
}
