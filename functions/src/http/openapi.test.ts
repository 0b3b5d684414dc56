import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockedApp } from '../testing/mocked-app.js';
import { openApiDocument, operations } from './openapi.js';

describe('GET /api/openapi.json', () => {
  it('documents exactly the routes the app serves', async () => {
    const { app } = await mockedApp();
    const served = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    );
    const documented = new Set(
      operations.flatMap((op) =>
        op.path.includes('{id}/open')
          ? [`${op.method.toUpperCase()} /api/iterations/{id}/{action}`]
          : op.path.match(/\{id\}\/(close|review)$/)
            ? []
            : [`${op.method.toUpperCase()} ${op.path}`],
      ),
    );
    expect([...documented].sort()).toEqual([...served].sort());
  });

  it('is served without a token and holds the zod-generated schemas', async () => {
    const { app } = await mockedApp();
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    const submit = doc.paths['/api/pulses/{pulseId}/responses'].post;
    expect(submit.requestBody.content['application/json'].schema.required).toEqual(['answers']);
  });
});

describe('docs/openapi.json', () => {
  it('is the document the schemas generate today (run `npm run openapi` after changing them)', () => {
    const file = resolve(import.meta.dirname, '../../../docs/openapi.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(openApiDocument());
  });
});
