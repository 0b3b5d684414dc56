import { Hono } from 'hono';
import { DomainError } from '@boucle/shared';
import { HTTP_STATUS, isTransient } from './http/errors.js';
import { requireIdentity, requireRole } from './http/auth-middleware.js';
import type { TAppDeps, TAppEnv } from './http/env.js';
import { openApiDocument } from './http/openapi.js';
import { logger } from './observability.js';
import { devAuthRoutes } from './routes/auth.js';
import { iterationRoutes } from './routes/iterations.js';
import { memberRoutes } from './routes/members.js';
import { meRoutes } from './routes/me.js';
import { pulseRoutes } from './routes/pulses.js';

/** The Boucle API, the same app in Lambda and on Node. Mounted under `/api`. */
export function createApp(deps: TAppDeps): Hono<TAppEnv> {
  const api = new Hono<TAppEnv>();
  api.get('/health', (c) => c.json({ ok: true }));
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  if (deps.localIssuer) api.route('/auth', devAuthRoutes(deps, deps.localIssuer));

  api.use('*', requireIdentity(deps.verify));
  api.route('/me', meRoutes(deps));
  api.route('/', pulseRoutes(deps));
  api.use('/iterations/*', requireRole('steering'));
  api.use('/iterations', requireRole('steering'));
  api.route('/iterations', iterationRoutes(deps));
  api.use('/members/*', requireRole('steering'));
  api.route('/members', memberRoutes(deps));

  const app = new Hono<TAppEnv>();
  app.route('/api', api);
  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError((error, c) => {
    const known =
      error instanceof DomainError
        ? error
        : isTransient(error)
          ? new DomainError('unavailable', 'The service is busy, please try again in a moment')
          : null;
    if (known) {
      const status = HTTP_STATUS[known.code];
      logger[status >= 500 ? 'warn' : 'info']('request refused', {
        method: c.req.method,
        route: c.req.routePath,
        status,
        code: known.code,
      });
      if (status === 503) c.header('Retry-After', '1');
      const { code, message, fields } = known;
      return c.json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
    }
    logger.error('request failed', {
      method: c.req.method,
      route: c.req.routePath,
      error: error.name,
    });
    return c.json(
      { error: { code: 'internal', message: 'Something went wrong on our side' } },
      500,
    );
  });
  return app;
}
