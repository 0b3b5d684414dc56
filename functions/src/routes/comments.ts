import { commentsCsv, commentsPage } from '@boucle/shared';
import * as routes from '../api/routes.js';
import { csvAnswer } from '../http/csv.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { iterationComments } from '../services/comments.js';

/** Steering: the free-text comments of a closed iteration, through the anonymity gate. */
export function serveComments(api: TApi, deps: TAppDeps): void {
  api.serve(routes.iterationComments, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const { id } = c.req.valid('param');
    const view = await iterationComments(deps, id, query.by ?? null);
    if (format === 'csv') {
      return csvAnswer(c, `comments-iteration-${id}.csv`, commentsCsv(view, query));
    }
    return c.json(commentsPage(view, query), 200);
  });
}
