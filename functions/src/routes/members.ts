import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import {
  completeRosterImport,
  rosterImport,
  stageChunk,
  startRosterImport,
} from '../services/roster-import.js';

/** Steering: the directory's headcount, and the roster imported in chunks (ADR 0025). */
export function serveMembers(api: TApi, deps: TAppDeps): void {
  api.serve(routes.headcount, async (c) => c.json(await deps.directory.headcount(), 200));
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
