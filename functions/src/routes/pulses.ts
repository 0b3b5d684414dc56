import { ZResponseInput } from '@boucle/shared';
import { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from '../http/env.js';
import { parseInput, readJson } from '../http/validate.js';
import { currentPulse, submitResponse } from '../services/pulses.js';

export function pulseRoutes(deps: TAppDeps): Hono<TAppEnv> {
  return new Hono<TAppEnv>()
    .get('/pulse/current', async (c) => c.json(await currentPulse(deps, c.get('identity'))))
    .post('/pulses/:pulseId/responses', async (c) => {
      const { answers } = parseInput(ZResponseInput, await readJson(c.req.raw));
      const receipt = await submitResponse(
        deps,
        c.get('identity'),
        c.req.param('pulseId'),
        answers,
      );
      return c.json(receipt, 201);
    });
}
