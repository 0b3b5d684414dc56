import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApp } from '../app.js';
import type { TAuthConfig } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import {
  API_SECURITY_HEADERS,
  contentSecurityPolicy,
  isApiPath,
  SECURITY_HEADERS,
} from '../http/security-headers.js';

const LOCAL_AUTH_CONFIG: TAuthConfig = { mode: 'local' };

/**
 * The names this server answers to. It listens on loopback only, but a page of another site
 * whose name is made to resolve to 127.0.0.1 (DNS rebinding) would reach it under its own name.
 */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostNameOf(host: string | undefined): string {
  return (host ?? '').replace(/:[0-9]+$/, '').toLowerCase();
}

export type TLocalServer = { url: string; close: () => Promise<void> };

/**
 * The same Hono app as in Lambda, on Node, with the built web app beside it on one origin.
 * Unknown non-API paths fall back to the SPA's index.html so deep links work; an unknown API
 * path, however spelled, is a JSON 404.
 */
export function startLocalServer(
  deps: TAppDeps,
  port: number,
  webRoot: string | null,
): Promise<TLocalServer> {
  const root = new Hono();
  root.use('*', async (c, next) => {
    if (!LOOPBACK_NAMES.has(hostNameOf(c.req.header('host')))) {
      return c.json(
        { error: { code: 'forbidden', message: 'This server answers on localhost only' } },
        403,
      );
    }
    await next();
    if (!isApiPath(c.req.path)) return;
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) c.header(name, value);
  });
  // In AWS this file is deployed beside the web app with the Cognito settings (infra/src/web.ts).
  root.get('/auth-config.json', (c) => c.json(LOCAL_AUTH_CONFIG));
  root.route('/', createApp(deps));
  root.all('*', async (c, next) => {
    if (!isApiPath(c.req.path)) return next();
    return c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } },
      404,
    );
  });
  if (webRoot && existsSync(webRoot)) {
    const relativeRoot = relative(process.cwd(), webRoot) || '.';
    const csp = contentSecurityPolicy(readFileSync(join(webRoot, 'index.html'), 'utf8'));
    root.use('/*', async (c, next) => {
      await next();
      if (isApiPath(c.req.path)) return;
      c.header('content-security-policy', csp);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    });
    root.use('/*', serveStatic({ root: relativeRoot }));
    root.get('*', serveStatic({ path: `${relativeRoot}/index.html` }));
  }
  return new Promise((resolve, reject) => {
    // Loopback only: the demo sign-in lets anyone be anyone, so it must not reach the network.
    const server: ServerType = serve({ fetch: root.fetch, port, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://localhost:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use: stop what runs there, or set PORT to another port`,
            )
          : error,
      ),
    );
  });
}
