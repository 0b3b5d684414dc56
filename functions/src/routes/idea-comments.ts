import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import {
  hideIdeaComment,
  listIdeaComments,
  moderationQueue,
  postIdeaComment,
} from '../services/idea-comments.js';

export function serveIdeaComments(api: TApi, deps: TAppDeps): void {
  api.serve(routes.listIdeaComments, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await listIdeaComments(deps, c.get('identity'), id, c.req.valid('query')), 200);
  });
  api.serve(routes.postIdeaComment, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await postIdeaComment(deps, c.get('identity'), id, c.req.valid('json')), 201);
  });
  api.serve(routes.hideIdeaComment, async (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(await hideIdeaComment(deps, c.get('identity'), id, reason), 200);
  });
  api.serve(routes.moderationQueue, async (c) =>
    c.json(await moderationQueue(deps, c.req.valid('query')), 200),
  );
}
