import type { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from '../http/env.js';
import { serveApi } from '../http/serve-api.js';
import { serveAbout } from '../routes/about.js';
import { serveConventions } from '../routes/conventions.js';
import { serveIdeaComments } from '../routes/idea-comments.js';
import { serveIdeas } from '../routes/ideas.js';
import { serveMe } from '../routes/me.js';
import { servePulses } from '../routes/pulses.js';
import { serveUpdates } from '../routes/updates.js';

/**
 * The pulse function's routes (`x-function: pulse`), from the areas that hold them: results,
 * statistics and the roster import stay out of its bundle.
 */
export function createPulseApp(deps: TAppDeps): Hono<TAppEnv> {
  return serveApi(
    deps,
    ['pulse'],
    [
      serveAbout,
      serveMe,
      servePulses,
      serveIdeas,
      serveIdeaComments,
      serveConventions,
      serveUpdates,
    ],
  );
}
