import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { seedDemoOrganisation } from '@boucle/functions/local/seed';
import { ZTrends, type TMember, type TTrends } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

const series = (trends: TTrends, key: string) => {
  const found = trends.overall.find((s) => s.key === key);
  if (!found) throw new Error(`no series ${key}`);
  return found;
};

// The demo seed is about 1,000 DynamoDB Local transactions (see seed.test.ts): generous at load.
describe('trends of the demo organisation', { timeout: 600_000 }, () => {
  it("tell the seed's story: usefulness and eNPS rise clearly, participation grows", async () => {
    const { deps, call } = await localApp();
    await seedDemoOrganisation(deps, () => undefined);
    const members = demoMembers();
    const steering = members.find((m) => m.role === 'steering') as TMember;

    const started = performance.now();
    const response = await call(steering, 'GET', '/api/trends');
    console.log(`GET /api/trends over 5 iterations: ${Math.round(performance.now() - started)} ms`);
    expect(response.status).toBe(200);
    const trends = ZTrends.parse(await response.json());
    expect(trends.iterations.map((i) => i.status)).toEqual([
      'reviewed',
      'reviewed',
      'reviewed',
      'reviewed',
      'open',
    ]);
    const usefulness = series(trends, 'mean:usefulness');
    console.log('usefulness', usefulness.points.map((p) => p.value?.toFixed(2)).join(' → '));
    expect(usefulness.points[0]?.value).toBeLessThan(3);
    expect(usefulness.changes.some((c) => c?.verdict === 'clear rise')).toBe(true);
    expect(usefulness.changes.some((c) => c?.verdict === 'clear fall')).toBe(false);
    const enps = series(trends, 'enps:enps');
    console.log('eNPS', enps.points.map((p) => p.value?.toFixed(0)).join(' → '));
    expect(enps.changes.some((c) => c?.verdict === 'clear rise')).toBe(true);
    const participation = series(trends, 'participation').points.map((p) => p.value ?? 0);
    expect(participation[3]).toBeGreaterThan(participation[0] ?? 1);

    // By site, and as CSV: the same figures, one line per series × iteration × group.
    const bySite = ZTrends.parse(await (await call(steering, 'GET', '/api/trends?by=site')).json());
    expect(bySite.groups.map((g) => g.value)).toContain('Nantes');
    const csv = await (await call(steering, 'GET', '/api/trends?by=site&format=csv')).text();
    const rows = csv.trim().split('\r\n').length - 1;
    expect(rows).toBe((1 + bySite.groups.length) * bySite.overall.length * 5);

    // An ambassador of the demo sees their own team (as frozen each time), and no breakdown.
    const ambassador = members.find((m) => m.ambassador && m.role === 'employee') as TMember;
    const own = ZTrends.parse(await (await call(ambassador, 'GET', '/api/trends')).json());
    expect(own.scope?.teams).toHaveLength(5);
    expect(own.groups).toEqual([]);
    expect((await call(ambassador, 'GET', '/api/trends?by=team')).status).toBe(403);
  });
});
