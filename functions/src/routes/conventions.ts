import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { adoptConvention, listConventions, reviseConvention } from '../services/conventions.js';

export function serveConventions(api: TApi, deps: TAppDeps): void {
  api.serve(routes.listConventions, async (c) => c.json(await listConventions(deps), 200));
  api.serve(routes.adoptConvention, async (c) =>
    c.json(await adoptConvention(deps, c.req.valid('json')), 201),
  );
  api.serve(routes.reviseConvention, async (c) =>
    c.json(await reviseConvention(deps, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
