import { ideasSummaryCsv } from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import { csvAnswer } from '../http/csv.js';
import type { TAppDeps } from '../http/env.js';
import { iterationIdeasSummary } from '../services/ideas-summary.js';

/** Steering: the review's summary of an iteration's ideas, as JSON or CSV. */
export function serveIdeasSummary(api: TApi, deps: TAppDeps): void {
  api.serve(routes.ideasSummary, async (c) => {
    const { id } = c.req.valid('param');
    const summary = await iterationIdeasSummary(deps, id);
    if (c.req.valid('query').format === 'csv') {
      return csvAnswer(c, `ideas-summary-iteration-${id}.csv`, ideasSummaryCsv(summary));
    }
    return c.json(summary, 200);
  });
}
