import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApp } from '../app.js';
import type { TAuthConfig } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../http/security-headers.js';

const LOCAL_AUTH_CONFIG: TAuthConfig = { mode: 'local' };

export type TLocalServer = { url: string; close: () => Promise<void> };

/**
 * The same Hono app as in Lambda, on Node, with the built web app beside it on one origin.
 * Unknown non-API paths fall back to the SPA's index.html so deep links work.
 */
export function startLocalServer(
  deps: TAppDeps,
  port: number,
  webRoot: string | null,
): Promise<TLocalServer> {
  const root = new Hono();
  // In AWS this file is deployed beside the web app with the Cognito settings (infra/src/web.ts).
  root.get('/auth-config.json', (c) => c.json(LOCAL_AUTH_CONFIG));
  root.route('/', createApp(deps));
  if (webRoot && existsSync(webRoot)) {
    const relativeRoot = relative(process.cwd(), webRoot) || '.';
    const csp = contentSecurityPolicy(readFileSync(join(webRoot, 'index.html'), 'utf8'));
    root.use('/*', async (c, next) => {
      await next();
      if (c.req.path.startsWith('/api/')) return;
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
