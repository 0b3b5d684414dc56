import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { recordAdoption } from '../services/adoption.js';

/** Steering: the social network's adoption figures of each iteration, entered or corrected. */
export function serveAdoption(api: TApi, deps: TAppDeps): void {
  api.serve(routes.setAdoption, async (c) =>
    c.json(await recordAdoption(deps, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
