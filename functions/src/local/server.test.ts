import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockedApp } from '../testing/mocked-app.js';
import { freePort } from './dynamodb-local.js';
import { startLocalServer, type TLocalServer } from './server.js';

type TAnswer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

let server: TLocalServer;
let port: number;

/** A raw request: fetch would not let the test choose the Host header. */
function get(path: string, host = `localhost:${port}`): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

beforeAll(async () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'boucle-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Boucle</title>');
  port = await freePort();
  server = await startLocalServer((await mockedApp()).deps, port, webRoot);
});
afterAll(() => server.close());

describe('the local server', () => {
  it('serves the web app on a deep link, with the page headers', async () => {
    const page = await get('/steering/review');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Boucle</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it.each(['/api//iterations', '/API/iterations', '/api/iterations%2F5', '/api/nothing', '/Api'])(
    'answers %s with a JSON 404, never the web page',
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'not_found' } });
    },
  );

  it('gives every API answer the API headers: no sniffing, no caching, no framing', async () => {
    for (const path of ['/api/health', '/api/nothing']) {
      const answer = await get(path);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    }
  });

  it('answers to loopback names only, so a rebound DNS name cannot reach it', async () => {
    expect((await get('/api/health', `127.0.0.1:${port}`)).status).toBe(200);
    expect((await get('/api/health', `[::1]:${port}`)).status).toBe(200);
    const rebound = await get('/api/health', `attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get('/', 'attacker.example')).status).toBe(403);
  });
});
