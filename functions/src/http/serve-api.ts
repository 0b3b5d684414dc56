// PatternRouter: the smallest router, enough for some forty routes matched once per request.
import { Hono } from 'hono/tiny';
import type { TFunctionName } from '../api/access.js';
import { apiRoutes } from '../api/routes.js';
import { Api } from './api.js';
import type { TAppDeps, TAppEnv } from './env.js';
import { guardsOf } from './guards.js';
import { requireOrigin } from './origin.js';
import { respondToError } from './refusals.js';

/** One area of the API (pulses, ideas, results…): registers its handlers on the app. */
export type TApiArea = (api: Api, deps: TAppDeps) => void;

/**
 * The Boucle API (`/api/*`) serving the routes of the given functions, from the areas given: a
 * Lambda function imports only its own areas, so its bundle carries only what they use.
 */
export function serveApi(
  deps: TAppDeps,
  functions: readonly TFunctionName[],
  areas: readonly TApiArea[],
): Hono<TAppEnv> {
  const api = new Api(new Hono<TAppEnv>(), new Set(functions));
  if (deps.originSecret) api.app.use('*', requireOrigin(deps.originSecret));
  // Guards first, from each route's one definition: token and roles, then body size.
  for (const route of apiRoutes) {
    if (!api.servesRoute(route)) continue;
    if (route['x-function'] === 'local' && !deps.localIssuer) continue;
    const [first, ...more] = guardsOf(route, deps.verify);
    if (first) api.app.on(route.method.toUpperCase(), route.getRoutingPath(), first, ...more);
  }
  for (const serveArea of areas) serveArea(api, deps);
  api.app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  api.app.onError(respondToError);
  return api.app;
}
