import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';

export function serveMe(api: TApi, deps: TAppDeps): void {
  api.serve(routes.me, async (c) => {
    const identity = c.get('identity');
    return c.json({ ...identity, member: await deps.directory.memberByEmail(identity.email) }, 200);
  });
}
