import { decodeRoster, DomainError, parseRoster, type TRosterError } from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { importRoster } from '../services/roster.js';

/** Steering: the roster, imported as CSV; all of it or nothing. */
export function serveMembers(api: TApi, deps: TAppDeps): void {
  api.serve(routes.headcount, async (c) => c.json(await deps.directory.headcount(), 200));
  api.serve(routes.importRoster, async (c) => {
    const decoded = decodeRoster(new Uint8Array(await c.req.arrayBuffer()));
    if (!decoded.ok) throw refusalOf(decoded.errors);
    const parsed = parseRoster(decoded.text);
    if (!parsed.ok) throw refusalOf(parsed.errors);
    await importRoster(deps, parsed.members, c.req.valid('query').confirmRemoval === 'true');
    return c.json({ imported: parsed.members.length }, 200);
  });
}

function refusalOf(errors: readonly TRosterError[]): DomainError {
  return new DomainError(
    'invalid_input',
    `The roster has ${errors.length} error(s); nothing was imported`,
    Object.fromEntries(errors.map((e) => [`line.${e.line}.${e.field}`, e.message])),
  );
}
