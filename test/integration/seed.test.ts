import { seedDemoOrganisation } from '@boucle/functions/local/seed';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

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

    await seedDemoOrganisation(deps, () => undefined);
    expect(await counts()).toEqual(first);

    // What the demo user did since is theirs: a later start does not move it on.
    await deps.iterations.close(5, new Date());
    await seedDemoOrganisation(deps, () => undefined);
    expect((await deps.iterations.get(5))?.iteration.status).toBe('closed');
  });
});
