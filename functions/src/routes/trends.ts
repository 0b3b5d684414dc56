import { trendsCsv } from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import { csvAnswer } from '../http/csv.js';
import type { TAppDeps } from '../http/env.js';
import { trendsOf } from '../services/trends.js';

/** Steering and ambassadors: every opened iteration side by side (ambassadors: their team). */
export function serveTrends(api: TApi, deps: TAppDeps): void {
  api.serve(routes.trends, async (c) => {
    const { by, format } = c.req.valid('query');
    const trends = await trendsOf(deps, by ?? null, c.get('identity'));
    if (format === 'csv') return csvAnswer(c, 'trends.csv', trendsCsv(trends));
    return c.json(trends, 200);
  });
}
