import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { listIdeas } from '../services/idea-list.js';
import { editIdea, getIdea, setVote, submitIdea } from '../services/ideas.js';

export function serveIdeas(api: TApi, deps: TAppDeps): void {
  api.serve(routes.listIdeas, async (c) =>
    c.json(await listIdeas(deps, c.get('identity'), c.req.valid('query')), 200),
  );
  api.serve(routes.submitIdea, async (c) =>
    c.json(await submitIdea(deps, c.get('identity'), c.req.valid('json')), 201),
  );
  api.serve(routes.getIdea, async (c) =>
    c.json(await getIdea(deps, c.get('identity'), c.req.valid('param').id), 200),
  );
  api.serve(routes.voteForIdea, async (c) =>
    c.json(await setVote(deps, c.get('identity'), c.req.valid('param').id, true), 200),
  );
  api.serve(routes.takeBackVote, async (c) =>
    c.json(await setVote(deps, c.get('identity'), c.req.valid('param').id, false), 200),
  );
  api.serve(routes.editIdea, async (c) =>
    c.json(
      await editIdea(deps, c.get('identity'), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
}
