import type { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from '../http/env.js';
import { serveApi, type TApiArea } from '../http/serve-api.js';
import { serveAbout } from '../routes/about.js';
import { serveConventions } from '../routes/conventions.js';
import { serveIdeaComments } from '../routes/idea-comments.js';
import { serveIdeas } from '../routes/ideas.js';
import { serveMe } from '../routes/me.js';
import { servePulses } from '../routes/pulses.js';
import { serveUpdates } from '../routes/updates.js';

/** The areas holding the pulse function's routes (`x-function: pulse`). */
export const PULSE_AREAS: readonly TApiArea[] = [
  serveAbout,
  serveMe,
  servePulses,
  serveIdeas,
  serveIdeaComments,
  serveConventions,
  serveUpdates,
];

/** The pulse function's app: results, statistics and the roster import stay out of its bundle. */
export function createPulseApp(deps: TAppDeps): Hono<TAppEnv> {
  return serveApi(deps, ['pulse'], PULSE_AREAS);
}
