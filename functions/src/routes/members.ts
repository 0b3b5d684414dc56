import { DomainError, parseRoster } from '@boucle/shared';
import { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from '../http/env.js';

const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** Steering only: the roster, imported as CSV; all of it or nothing. */
export function memberRoutes(deps: TAppDeps): Hono<TAppEnv> {
  return new Hono<TAppEnv>()
    .get('/headcount', async (c) => c.json(await deps.directory.headcount()))
    .post('/import', async (c) => {
      const csv = await c.req.text();
      if (csv.length > MAX_ROSTER_BYTES) {
        throw new DomainError('payload_too_large', 'The roster file is too large', {
          file: 'must be at most 10 MB',
        });
      }
      const parsed = parseRoster(csv);
      if (!parsed.ok) {
        const fields = Object.fromEntries(
          parsed.errors.map((e) => [`line.${e.line}.${e.field}`, e.message]),
        );
        throw new DomainError(
          'invalid_input',
          `The roster has ${parsed.errors.length} error(s); nothing was imported`,
          fields,
        );
      }
      await deps.directory.replace(parsed.members, deps.now());
      return c.json({ imported: parsed.members.length });
    });
}
