import {
  allowedActions,
  checkTransition,
  DomainError,
  ZIterationAction,
  ZIterationInput,
  ZPulseInput,
  ZSegmentDimension,
} from '@boucle/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { TAppDeps, TAppEnv } from '../http/env.js';
import { parseInput, readJson } from '../http/validate.js';
import { iterationResults } from '../services/results.js';

const ZIterationId = z.coerce.number().int().positive().max(999_999);
const ZResultsQuery = z.object({ by: ZSegmentDimension.optional() });

/** Steering only: iterations, their pulse and lifecycle, and their results. */
export function iterationRoutes(deps: TAppDeps): Hono<TAppEnv> {
  const existing = async (rawId: string) => {
    const id = parseInput(ZIterationId, rawId, 'id');
    const found = await deps.iterations.get(id);
    if (!found) throw new DomainError('not_found', `Iteration ${id} not found`);
    return found;
  };
  return new Hono<TAppEnv>()
    .get('/', async (c) => {
      const [iterations, openId] = await Promise.all([
        deps.iterations.list(),
        deps.iterations.openIterationId(),
      ]);
      const summaries = iterations.map((iteration) => ({
        ...iteration,
        allowedActions: allowedActions(iteration, openId),
      }));
      return c.json({ iterations: summaries });
    })
    .post('/', async (c) => {
      const input = parseInput(ZIterationInput, await readJson(c.req.raw));
      return c.json(await deps.iterations.create(input), 201);
    })
    .get('/:id', async (c) => c.json(await existing(c.req.param('id'))))
    .put('/:id/pulse', async (c) => {
      const { iteration } = await existing(c.req.param('id'));
      const input = parseInput(ZPulseInput, await readJson(c.req.raw));
      return c.json(await deps.iterations.setPulse(iteration.id, input));
    })
    .post('/:id/:action{open|close|review}', async (c) => {
      const { iteration } = await existing(c.req.param('id'));
      const action = parseInput(ZIterationAction, c.req.param('action'), 'action');
      const check = checkTransition(iteration, action, await deps.iterations.openIterationId());
      if (!check.ok) throw new DomainError('invalid_transition', check.reason);
      const now = deps.now();
      if (action === 'open')
        await deps.iterations.open(iteration.id, await deps.directory.headcount(), now);
      if (action === 'close') await deps.iterations.close(iteration.id, now);
      if (action === 'review') await deps.iterations.review(iteration.id, now);
      const updated = await existing(String(iteration.id));
      return c.json(updated.iteration);
    })
    .get('/:id/results', async (c) => {
      const id = parseInput(ZIterationId, c.req.param('id'), 'id');
      const { by } = parseInput(ZResultsQuery, c.req.query());
      return c.json(await iterationResults(deps, id, by ?? null));
    });
}
