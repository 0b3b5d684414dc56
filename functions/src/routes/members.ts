import { DomainError, parseRoster } from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { importRoster } from '../services/roster.js';

/** Steering: the roster, imported as CSV; all of it or nothing. */
export function serveMembers(api: TApi, deps: TAppDeps): void {
  api.openapi(routes.headcount, async (c) => c.json(await deps.directory.headcount(), 200));
  api.openapi(routes.importRoster, async (c) => {
    const parsed = parseRoster(await c.req.text());
    if (!parsed.ok) {
      throw new DomainError(
        'invalid_input',
        `The roster has ${parsed.errors.length} error(s); nothing was imported`,
        Object.fromEntries(parsed.errors.map((e) => [`line.${e.line}.${e.field}`, e.message])),
      );
    }
    await importRoster(deps, parsed.members);
    return c.json({ imported: parsed.members.length }, 200);
  });
}
