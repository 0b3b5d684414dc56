import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { iterationReview, publishReview, saveReviewDraft } from '../services/review.js';

/** Steering: the written review of an iteration, its draft and its published revisions. */
export function serveReview(api: TApi, deps: TAppDeps): void {
  api.serve(routes.getIterationReview, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await iterationReview(deps, id, c.get('identity')), 200);
  });

  api.serve(routes.saveIterationReview, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await saveReviewDraft(deps, id, c.req.valid('json')), 200);
  });

  api.serve(routes.publishIterationReview, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await publishReview(deps, id), 201);
  });
}
