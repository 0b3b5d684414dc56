import { OpenAPIHono } from '@hono/zod-openapi';
import { openApiDocument } from './api/document.js';
import { apiRoutes, health, openApiDocumentRoute } from './api/routes.js';
import type { TAppDeps, TAppEnv } from './http/env.js';
import { guardsOf } from './http/guards.js';
import { refuseInvalidInput, respondToError } from './http/refusals.js';
import { serveAdoption } from './routes/adoption.js';
import { serveDemoSignIn } from './routes/auth.js';
import { serveComments } from './routes/comments.js';
import { serveIdeaComments } from './routes/idea-comments.js';
import { serveConventions } from './routes/conventions.js';
import { serveIdeas } from './routes/ideas.js';
import { serveInvolvement } from './routes/involvement.js';
import { serveIterations } from './routes/iterations.js';
import { serveMe } from './routes/me.js';
import { serveMembers } from './routes/members.js';
import { servePulses } from './routes/pulses.js';
import { serveReview } from './routes/review.js';
import { serveTrends } from './routes/trends.js';
import { serveUpdates } from './routes/updates.js';

/** The Boucle API (`/api/*`), the same app in Lambda and on Node. */
export function createApp(deps: TAppDeps): OpenAPIHono<TAppEnv> {
  const api = new OpenAPIHono<TAppEnv>({ defaultHook: refuseInvalidInput });
  // Guards first, from each route's one definition: token and roles, then body size.
  for (const route of apiRoutes) {
    if (route['x-function'] === 'local' && !deps.localIssuer) continue;
    const [first, ...more] = guardsOf(route, deps.verify);
    if (first) api.on(route.method.toUpperCase(), route.getRoutingPath(), first, ...more);
  }
  api.openapi(health, (c) => c.json({ ok: true }, 200));
  api.openapi(openApiDocumentRoute, (c) => c.json(openApiDocument(), 200));
  if (deps.localIssuer) serveDemoSignIn(api, deps, deps.localIssuer);
  serveMe(api, deps);
  servePulses(api, deps);
  serveIterations(api, deps);
  serveAdoption(api, deps);
  serveComments(api, deps);
  serveMembers(api, deps);
  serveTrends(api, deps);
  serveIdeas(api, deps);
  serveIdeaComments(api, deps);
  serveConventions(api, deps);
  serveUpdates(api, deps);
  serveReview(api, deps);
  serveInvolvement(api, deps);
  api.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  api.onError(respondToError);
  return api;
}
