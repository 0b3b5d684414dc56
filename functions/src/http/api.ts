import type { RouteHandler } from '@hono/zod-openapi';
import type { Handler, Hono } from 'hono';
import type { TFunctionName } from '../api/access.js';
import type { TApiRoute } from '../api/routes.js';
import type { TAppEnv } from './env.js';
import { inputValidatorsOf } from './input.js';

/**
 * The app routes are served on, and which functions' routes it serves: the whole API under
 * `npm start` and in tests, one function's routes in each Lambda bundle.
 */
export class Api {
  constructor(
    readonly app: Hono<TAppEnv>,
    private readonly functions: ReadonlySet<TFunctionName>,
  ) {}

  servesRoute(route: TApiRoute): boolean {
    return this.functions.has(route['x-function']);
  }

  /**
   * Serves a route of the list with its handler, after validating params, query and JSON body
   * against the route's schemas; `c.req.valid(…)` and `c.json(…, status)` are typed from them.
   */
  serve<R extends TApiRoute>(route: R, handler: RouteHandler<R, TAppEnv>): void {
    if (!this.servesRoute(route)) return;
    // The handler's precise input and answer types hold at the call site; Hono's `on` takes any.
    const handle = handler as unknown as Handler<TAppEnv>;
    const [first, ...more] = [...inputValidatorsOf(route), handle];
    this.app.on(route.method.toUpperCase(), route.getRoutingPath(), first ?? handle, ...more);
  }
}

export type TApi = Api;
