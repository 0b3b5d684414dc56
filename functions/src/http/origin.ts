import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { TAppEnv } from './env.js';

export const ORIGIN_HEADER = 'x-origin-verify';

/**
 * Refuses every request that did not come through CloudFront, which adds the origin secret as a
 * header: API Gateway's default `execute-api` URL stays reachable on the internet, and a call
 * there would skip the API's response headers and the edge's handling of odd paths.
 */
export function requireOrigin(secret: string): MiddlewareHandler<TAppEnv> {
  const expected = Buffer.from(secret);
  return async (c, next) => {
    const given = Buffer.from(c.req.header(ORIGIN_HEADER) ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json(
        { error: { code: 'forbidden', message: 'Use the application’s address' } },
        403,
      );
    }
    await next();
  };
}
