import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { markUpdatesSeen, updatesOf } from '../services/updates.js';

export function serveUpdates(api: TApi, deps: TAppDeps): void {
  api.serve(routes.updates, async (c) => c.json(await updatesOf(deps, c.get('identity')), 200));
  api.serve(routes.markUpdatesSeen, async (c) =>
    c.json(await markUpdatesSeen(deps, c.get('identity')), 200),
  );
}
