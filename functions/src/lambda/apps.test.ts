import { describe, expect, it } from 'vitest';
import type { TFunctionName } from '../api/access.js';
import { apiRoutes } from '../api/routes.js';
import { mockedApp } from '../testing/mocked-app.js';
import { createPulseApp } from './pulse-app.js';
import { createSteeringApp } from './steering-app.js';

const routesOf = (fn: TFunctionName) =>
  apiRoutes
    .filter((route) => route['x-function'] === fn)
    .map((route) => `${route.method.toUpperCase()} ${route.getRoutingPath()}`)
    .sort();

const served = (app: { routes: { method: string; path: string }[] }) =>
  [...new Set(app.routes.map((route) => `${route.method} ${route.path}`))].sort();

describe("each Lambda function's app", () => {
  it('serves exactly the routes the list gives its function, so none is left undeployed', async () => {
    const { deps } = await mockedApp();
    expect(served(createPulseApp(deps))).toEqual(routesOf('pulse'));
    expect(served(createSteeringApp(deps))).toEqual(routesOf('steering'));
  });
});
