import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { defaultPulseTemplate, type TMember } from '@boucle/shared';
import { expect } from 'vitest';
import type { localApp } from './local-app.js';

type TLocalApp = Awaited<ReturnType<typeof localApp>>;

/** Iteration 1 with the default pulse, opened through the services: its segments frozen. */
export async function openFirstIteration(deps: TLocalApp['deps'], name = 'Iteration 1') {
  await deps.iterations.create({ name, startDate: '2026-11-16', endDate: '2026-12-11', goals: [] });
  await deps.iterations.setPulse(1, defaultPulseTemplate);
  await takeLifecycleStep(deps, 1, 'open');
}

/** The same through the API, as the steering group does it (two weeks from 2 November). */
export async function openFirstIterationAs(steering: TMember, call: TLocalApp['call']) {
  await call(steering, 'POST', '/api/iterations', {
    name: 'Iteration 1',
    startDate: '2026-11-02',
    endDate: '2026-11-13',
    goals: [],
  });
  await call(steering, 'PUT', '/api/iterations/1/pulse', defaultPulseTemplate);
  expect((await call(steering, 'POST', '/api/iterations/1/open')).status).toBe(200);
}
