import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { employee, mockedApp } from '../testing/mocked-app.js';
import { openApiDocument } from './document.js';
import { apiRoutes } from './routes.js';

const listed = apiRoutes.map((route) => `${route.method.toUpperCase()} ${route.getRoutingPath()}`);
const concrete = (path: string) => path.replace('{id}', '5').replace('{pulseId}', 'pulse-5');

describe('the route list', () => {
  it('is exactly what the app serves', async () => {
    const { app } = await mockedApp();
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path}`),
    );
    expect([...served].sort()).toEqual([...listed].sort());
  });

  it('asks for a token on every route but the public ones', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    for (const route of apiRoutes) {
      const response = await call(null, route.method.toUpperCase(), concrete(route.path));
      const refused = response.status === 401;
      expect(refused, `${route.method} ${route.path}`).toBe(route['x-roles'].length > 0);
    }
  });

  it('keeps steering routes for the steering role', async () => {
    const { call } = await mockedApp();
    const steeringOnly = apiRoutes.filter((route) => route['x-roles'].includes('steering'));
    expect(steeringOnly.length).toBeGreaterThan(5);
    for (const route of steeringOnly) {
      const response = await call(employee, route.method.toUpperCase(), concrete(route.path));
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('opens results, trends and merging ideas to ambassadors, and no other steering route', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const ambassador = { ...employee, email: 'amy@example.com', ambassador: true };
    const forAmbassadors = apiRoutes.filter((route) => route['x-roles'].includes('ambassador'));
    expect(forAmbassadors.map((route) => route.path).sort()).toEqual([
      '/api/ideas/{id}/merge',
      '/api/iterations/{id}/results',
      '/api/trends',
    ]);
    for (const route of apiRoutes.filter((r) => r['x-roles'].includes('steering'))) {
      const response = await call(ambassador, route.method.toUpperCase(), concrete(route.path));
      const path = `${route.method} ${route.path}`;
      if (forAmbassadors.includes(route)) expect(response.status, path).not.toBe(403);
      else expect(response.status, path).toBe(403);
    }
  });

  it('refuses a body larger than the route takes, before reading it', async () => {
    const { call } = await mockedApp();
    const response = await call(employee, 'POST', '/api/pulses/pulse-5/responses', {
      answers: { comment: 'x'.repeat(70_000) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { code: 'payload_too_large', fields: { body: 'must be at most 65536 bytes' } },
    });
  });

  it('answers 415 to a body that is not JSON where JSON is expected', async () => {
    const { app, tokenFor } = await mockedApp();
    const response = await app.request('/api/pulses/pulse-5/responses', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(employee)}`,
        'content-type': 'text/plain',
      },
      body: 'answers',
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe('unsupported_media_type');
  });
});

describe('the OpenAPI document', () => {
  it('is served without a token, with the schemas as components', async () => {
    const { call } = await mockedApp();
    const response = await call(null, 'GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.Iteration.properties.status.$ref).toBe(
      '#/components/schemas/IterationStatus',
    );
    const submit = doc.paths['/api/pulses/{pulseId}/responses'].post;
    expect(submit.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ResponseInput',
    });
    expect(submit['x-roles']).toEqual(['employee']);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
  });

  it('is docs/openapi.json as the schemas generate it today (else run `npm run openapi`)', () => {
    const file = resolve(import.meta.dirname, '../../../docs/openapi.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(openApiDocument());
  });
});
