import { involvementCsv } from '@boucle/shared';
import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import { csvAnswer } from '../http/csv.js';
import type { TAppDeps } from '../http/env.js';
import { involvementOf } from '../services/involvement.js';

/** Steering: involvement around ideas, per closed iteration, through the disclosure gate. */
export function serveInvolvement(api: TApi, deps: TAppDeps): void {
  api.serve(routes.involvement, async (c) => {
    const { by, format } = c.req.valid('query');
    const involvement = await involvementOf(deps, by ?? null);
    if (format === 'csv') return csvAnswer(c, 'involvement.csv', involvementCsv(involvement));
    return c.json(involvement, 200);
  });
}
