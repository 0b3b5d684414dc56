import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { mockedApp } from '../testing/mocked-app.js';
import { ORIGIN_HEADER } from './origin.js';

const SECRET = 'a-secret-cloudfront-adds-of-40-characters';

describe('behind CloudFront (origin secret set)', () => {
  it('refuses what came around it, by the API Gateway URL, and serves what came through', async () => {
    const { deps } = await mockedApp();
    const app = createApp({ ...deps, originSecret: SECRET });
    const around = await app.request('/api/health');
    expect(around.status).toBe(403);
    expect(await around.json()).toMatchObject({ error: { code: 'forbidden' } });
    const wrong = await app.request('/api/health', { headers: { [ORIGIN_HEADER]: `${SECRET}x` } });
    expect(wrong.status).toBe(403);
    const through = await app.request('/api/health', { headers: { [ORIGIN_HEADER]: SECRET } });
    expect(through.status).toBe(200);
  });

  it('checks nothing where no secret is set (npm start, tests)', async () => {
    const { app } = await mockedApp();
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
