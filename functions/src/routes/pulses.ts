import * as routes from '../api/routes.js';
import type { TApi } from '../http/api.js';
import type { TAppDeps } from '../http/env.js';
import { currentPulse, submitResponse } from '../services/pulses.js';

/** Employees: the open pulse, and answering it once. */
export function servePulses(api: TApi, deps: TAppDeps): void {
  api.serve(routes.currentPulse, async (c) =>
    c.json(await currentPulse(deps, c.get('identity')), 200),
  );
  api.serve(routes.submitResponse, async (c) => {
    const { pulseId } = c.req.valid('param');
    const { answers } = c.req.valid('json');
    return c.json(await submitResponse(deps, c.get('identity'), pulseId, answers), 201);
  });
}
