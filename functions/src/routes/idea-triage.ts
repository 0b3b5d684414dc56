import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { changeIdeaStatus, mergeIdea } from '../services/idea-triage.js';

/** Steering and ambassadors: moving ideas on and merging duplicates (the steering function). */
export function serveIdeaTriage(api: TApi, deps: TAppDeps): void {
  api.serve(routes.changeIdeaStatus, async (c) =>
    c.json(
      await changeIdeaStatus(deps, c.get('identity'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  api.serve(routes.mergeIdea, async (c) =>
    c.json(
      await mergeIdea(deps, c.get('identity'), c.req.valid('param').id, c.req.valid('json').into),
      200,
    ),
  );
}
