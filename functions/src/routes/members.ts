import {
  decodeRoster,
  DomainError,
  MAX_DIRECT_IMPORT_ROWS,
  parseRoster,
  type TRosterError,
} from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { importRoster } from '../services/roster.js';
import {
  completeRosterImport,
  rosterImport,
  stageChunk,
  startRosterImport,
} from '../services/roster-import.js';

/** Steering: the roster, as one CSV (small) or staged in chunks (any size); all or nothing. */
export function serveMembers(api: TApi, deps: TAppDeps): void {
  api.serve(routes.headcount, async (c) => c.json(await deps.directory.headcount(), 200));
  api.serve(routes.importRoster, async (c) => {
    const decoded = decodeRoster(new Uint8Array(await c.req.arrayBuffer()));
    if (!decoded.ok) throw refusalOf(decoded.errors);
    const parsed = parseRoster(decoded.text);
    if (!parsed.ok) throw refusalOf(parsed.errors);
    if (parsed.members.length > MAX_DIRECT_IMPORT_ROWS) {
      // One request writing them all would outlast the function's 10 s (ADR 0025).
      throw new DomainError('payload_too_large', 'Too many members for one request', {
        file: `more than ${MAX_DIRECT_IMPORT_ROWS} members: use the staged import (POST /api/roster/imports)`,
      });
    }
    await importRoster(deps, parsed.members, c.req.valid('query').confirmRemoval === 'true');
    return c.json({ imported: parsed.members.length }, 200);
  });
  api.serve(routes.startRosterImport, async (c) =>
    c.json(await startRosterImport(deps, c.req.valid('json').members), 201),
  );
  api.serve(routes.rosterImport, async (c) =>
    c.json(await rosterImport(deps, c.req.valid('param').id), 200),
  );
  api.serve(routes.stageRosterChunk, async (c) => {
    const { id, n } = c.req.valid('param');
    return c.json(await stageChunk(deps, id, n, c.req.valid('json').members), 200);
  });
  api.serve(routes.completeRosterImport, async (c) => {
    const confirmed = c.req.valid('query').confirmRemoval === 'true';
    return c.json(await completeRosterImport(deps, c.req.valid('param').id, confirmed), 200);
  });
}

function refusalOf(errors: readonly TRosterError[]): DomainError {
  return new DomainError(
    'invalid_input',
    `The roster has ${errors.length} error(s); nothing was imported`,
    Object.fromEntries(errors.map((e) => [`line.${e.line}.${e.field}`, e.message])),
  );
}
