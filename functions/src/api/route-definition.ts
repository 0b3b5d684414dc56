import type { RouteConfig } from '@hono/zod-openapi';

/** `/api/iterations/{id}` as Hono routes it: `/api/iterations/:id`. */
export type TRoutingPath<P extends string> =
  P extends `${infer Start}/{${infer Param}}${infer Rest}`
    ? `${Start}/:${Param}${TRoutingPath<Rest>}`
    : P;

/** A route as the list defines it: the OpenAPI route object (types only, nothing at runtime). */
export type TRouteConfig = Omit<RouteConfig, 'path'> & { path: string };

/**
 * One route's definition, with the path Hono routes it on. Our own, not @hono/zod-openapi's: the
 * Lambda bundles then carry neither it nor zod-to-openapi (which keeps every zod locale).
 */
export function createRoute<P extends string, R extends Omit<RouteConfig, 'path'> & { path: P }>(
  definition: R,
): R & { getRoutingPath(): TRoutingPath<R['path']> } {
  const routingPath = definition.path.replaceAll(/\/{(.+?)}/g, '/:$1') as TRoutingPath<R['path']>;
  // Not enumerable: the document generator walks the definition's own fields.
  return Object.defineProperty({ ...definition }, 'getRoutingPath', {
    value: () => routingPath,
    enumerable: false,
  }) as R & { getRoutingPath(): TRoutingPath<R['path']> };
}
