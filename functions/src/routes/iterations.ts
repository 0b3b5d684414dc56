import { heatmapCsv, resultsCsv, trainingDemandCsv } from '@boucle/shared';
import * as routes from '../api/routes.js';
import { csvAnswer } from '../http/csv.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import {
  existingIteration,
  iterationSummaries,
  takeLifecycleStep,
} from '../services/iterations.js';
import {
  iterationHeatmap,
  iterationResults,
  iterationTrainingDemand,
} from '../services/results.js';

/**
 * Steering: iterations, their pulse and lifecycle, their results, heatmap and training demand;
 * ambassadors: the results of their own team.
 */
export function serveIterations(api: TApi, deps: TAppDeps): void {
  api.serve(routes.listIterations, async (c) =>
    c.json({ iterations: await iterationSummaries(deps) }, 200),
  );
  api.serve(routes.createIteration, async (c) =>
    c.json(await deps.iterations.create(c.req.valid('json')), 201),
  );
  api.serve(routes.getIteration, async (c) =>
    c.json(await existingIteration(deps, c.req.valid('param').id), 200),
  );
  api.serve(routes.setPulse, async (c) => {
    const { iteration } = await existingIteration(deps, c.req.valid('param').id);
    return c.json(await deps.iterations.setPulse(iteration.id, c.req.valid('json')), 200);
  });
  for (const [route, action] of [
    [routes.openIteration, 'open'],
    [routes.closeIteration, 'close'],
    [routes.reviewIteration, 'review'],
  ] as const) {
    api.serve(route, async (c) =>
      c.json(await takeLifecycleStep(deps, c.req.valid('param').id, action), 200),
    );
  }
  api.serve(routes.iterationResults, async (c) => {
    const { by, format } = c.req.valid('query');
    const { id } = c.req.valid('param');
    const results = await iterationResults(deps, id, by ?? null, c.get('identity'));
    if (format === 'csv') return csvAnswer(c, `results-iteration-${id}.csv`, resultsCsv(results));
    return c.json(results, 200);
  });
  api.serve(routes.iterationHeatmap, async (c) => {
    const { by, format } = c.req.valid('query');
    const { id } = c.req.valid('param');
    const heatmap = await iterationHeatmap(deps, id, by, c.get('identity'));
    if (format === 'csv') {
      return csvAnswer(c, `heatmap-iteration-${id}-by-${by}.csv`, heatmapCsv(heatmap));
    }
    return c.json(heatmap, 200);
  });
  api.serve(routes.trainingDemand, async (c) => {
    const { id } = c.req.valid('param');
    const demand = await iterationTrainingDemand(deps, id, c.get('identity'));
    if (c.req.valid('query').format === 'csv') {
      return csvAnswer(c, `training-demand-iteration-${id}.csv`, trainingDemandCsv(demand));
    }
    return c.json(demand, 200);
  });
}
