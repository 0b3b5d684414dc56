import type { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from './http/env.js';
import { serveApi } from './http/serve-api.js';
import { serveAbout } from './routes/about.js';
import { serveAdoption } from './routes/adoption.js';
import { serveDemoSignIn } from './routes/auth.js';
import { serveComments } from './routes/comments.js';
import { serveConventions } from './routes/conventions.js';
import { serveIdeaComments } from './routes/idea-comments.js';
import { serveIdeaTriage } from './routes/idea-triage.js';
import { serveIdeas } from './routes/ideas.js';
import { serveInvolvement } from './routes/involvement.js';
import { serveIterations } from './routes/iterations.js';
import { serveMe } from './routes/me.js';
import { serveMembers } from './routes/members.js';
import { servePulses } from './routes/pulses.js';
import { serveReview } from './routes/review.js';
import { serveTrends } from './routes/trends.js';
import { serveUpdates } from './routes/updates.js';

/**
 * The whole Boucle API (`/api/*`), as `npm start` and the tests serve it. Each Lambda function
 * serves its own part of it (`lambda/pulse-app.ts`, `lambda/steering-app.ts`).
 */
export function createApp(deps: TAppDeps): Hono<TAppEnv> {
  return serveApi(
    deps,
    ['pulse', 'steering', 'local'],
    [
      serveAbout,
      (api) => {
        if (deps.localIssuer) serveDemoSignIn(api, deps, deps.localIssuer);
      },
      serveMe,
      servePulses,
      serveIterations,
      serveAdoption,
      serveComments,
      serveMembers,
      serveTrends,
      serveIdeas,
      serveIdeaTriage,
      serveIdeaComments,
      serveConventions,
      serveUpdates,
      serveReview,
      serveInvolvement,
    ],
  );
}
