import { DEMO_POOLING_ORDER, seedDemoOrganisation } from '@boucle/functions/local/seed';
import {
  adoptionRatios,
  answeredCounter,
  POOLED,
  valueCounter,
  type TIteration,
  type TTally,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

/** Mean usefulness (1–5) of a group, from its counters. */
const usefulness = (tally: TTally | undefined): number => {
  if (!tally) return Number.NaN;
  let sum = 0;
  for (let value = 1; value <= 5; value++) {
    sum += value * (tally[valueCounter('usefulness', value)] ?? 0);
  }
  return sum / (tally[answeredCounter('usefulness')] ?? 0);
};

function adoptionOf(iteration: TIteration | undefined) {
  if (!iteration?.adoption) throw new Error(`iteration ${iteration?.id} has no adoption figures`);
  return iteration.adoption;
}

// About 1,000 DynamoDB Local transactions: 20 s on two idle cores, over 200 s at load 19.
describe('demo seed', { timeout: 600_000 }, () => {
  it('tells a story over five iterations and adds nothing when run again', async () => {
    const { deps } = await localApp();
    await seedDemoOrganisation(deps, () => undefined);
    const iterations = await deps.iterations.list();
    expect(iterations.map((i) => i.status)).toEqual([
      'reviewed',
      'reviewed',
      'reviewed',
      'reviewed',
      'open',
    ]);
    const counts = async () =>
      Promise.all(
        iterations.map(async (i) => (await deps.responses.tallies(`pulse-${i.id}`)).overall.n ?? 0),
      );
    const first = await counts();
    expect((await deps.directory.headcount()).total).toBe(300);
    // Participation grows over the rollout, as in the story.
    expect(first.slice(0, 4)).toEqual([...first.slice(0, 4)].sort((a, b) => a - b));

    // Each iteration froze the members' disclosure segments, teams pooled first: the sites and
    // ambassadors the story is about stay groups of their own, and every group holds k or more.
    for (const iteration of iterations) {
      expect(iteration.poolingOrder).toEqual(DEMO_POOLING_ORDER);
      expect(iteration.headcount?.total).toBe(300);
      const bySite = iteration.headcount?.byDimension.site ?? {};
      expect(bySite.Nantes).toBeGreaterThanOrEqual(30);
      expect(iteration.headcount?.byDimension.ambassador?.yes).toBeGreaterThanOrEqual(20);
      for (const counts of Object.values(iteration.headcount?.byDimension ?? {})) {
        for (const [value, members] of Object.entries(counts)) {
          if (value !== POOLED) expect(members, value).toBeGreaterThanOrEqual(5);
        }
      }
    }
    // Nantes lags behind and ambassadors carry the network, read from the frozen segments.
    const fourth = await deps.responses.tallies('pulse-4');
    const sites = fourth.byDimension.site;
    expect(usefulness(sites.Nantes)).toBeLessThan(usefulness(sites.Paris));
    expect(usefulness(sites.Nantes)).toBeLessThan(usefulness(sites.Lyon));
    const ambassadors = fourth.byDimension.ambassador;
    expect(usefulness(ambassadors.yes)).toBeGreaterThan(usefulness(ambassadors.no));

    // The network's own figures follow the story: registered and weekly active members grow each
    // iteration, from a quarter active to 60 %, and the share of the active who post jumps once
    // ambassadors animate (iteration 4). None yet for the open iteration.
    const ran = iterations.slice(0, 4).map(adoptionOf);
    expect(iterations[4]?.adoption).toBeUndefined();
    const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
    const registered = ran.map((a) => a.registeredMembers);
    expect(registered).toEqual(ascending(registered));
    expect(Math.max(...registered)).toBeLessThanOrEqual(300);
    const active = ran.map((a) => adoptionRatios(a).activeShare ?? 0);
    expect(active).toEqual(ascending(active));
    expect(active[0]).toBeCloseTo(0.25, 1);
    expect(active[3]).toBeCloseTo(0.6, 1);
    const contributing = ran.map((a) => adoptionRatios(a).contributorShare ?? 0);
    expect((contributing[3] ?? 0) - (contributing[2] ?? 0)).toBeGreaterThan(0.1);

    // A correction the demo user made is theirs too: seeding again keeps it.
    const corrected = { ...adoptionOf(iterations[1]), posts: 150 };
    await deps.iterations.setAdoption(2, corrected);
    await seedDemoOrganisation(deps, () => undefined);
    expect(await counts()).toEqual(first);
    expect((await deps.iterations.get(2))?.iteration.adoption).toEqual(corrected);

    // What the demo user did since is theirs: a later start does not move it on.
    await deps.iterations.close(5, new Date());
    await seedDemoOrganisation(deps, () => undefined);
    expect((await deps.iterations.get(5))?.iteration.status).toBe('closed');
  });
});
