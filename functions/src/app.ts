import type { Hono } from 'hono';
import type { TAppDeps, TAppEnv } from './http/env.js';
import { serveApi } from './http/serve-api.js';
import { PULSE_AREAS } from './lambda/pulse-app.js';
import { STEERING_AREAS } from './lambda/steering-app.js';
import { serveDemoSignIn } from './routes/auth.js';

/**
 * The whole Boucle API (`/api/*`), as `npm start` and the tests serve it: both functions' areas
 * (each once: ideas, comments and conventions serve routes of both) and the demo sign-in. Each
 * Lambda function serves its own part of it (`lambda/pulse-app.ts`, `lambda/steering-app.ts`).
 */
export function createApp(deps: TAppDeps): Hono<TAppEnv> {
  return serveApi(
    deps,
    ['pulse', 'steering', 'local'],
    [
      (api) => {
        if (deps.localIssuer) serveDemoSignIn(api, deps, deps.localIssuer);
      },
      ...new Set([...PULSE_AREAS, ...STEERING_AREAS]),
    ],
  );
}
