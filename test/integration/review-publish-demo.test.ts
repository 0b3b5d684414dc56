import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { seedDemoReview } from '@boucle/functions/local/demo-review';
import { seedDemoOrganisation } from '@boucle/functions/local/seed';
import { ZIterationReview, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

// The demo seed is about 1,000 DynamoDB Local transactions (see seed.test.ts): generous at load.
describe('the demo reviews, published and read back', { timeout: 600_000 }, () => {
  it('tell whether done actions worked, from gated figures, and mark the late one', async () => {
    const { deps, call } = await localApp();
    // The demo seed publishes the reviews after the ideas they link to.
    const seeded: string[] = [];
    await seedDemoOrganisation(deps, (line) => seeded.push(line));
    const lines = seeded.filter((line) => / review revision /.test(line));
    expect(lines).toHaveLength(5);
    // Run again: nothing more.
    await seedDemoReview(deps, (line) => lines.push(line));
    expect(lines).toHaveLength(5);

    const steering = demoMembers().find((m) => m.role === 'steering') as TMember;
    const read = async (id: number) =>
      ZIterationReview.parse(
        await (await call(steering, 'GET', `/api/iterations/${id}/review`)).json(),
      );

    const first = await read(1);
    expect(first.currentIterationId).toBe(5);
    const [training, tutorials] = first.actions;
    // Before: iteration 1; after: the latest closed iteration from the due one, iteration 4.
    expect(training?.effect).toMatchObject({
      kind: 'mean',
      before: { iterationId: 1 },
      after: { iterationId: 4 },
      outcome: 'measured',
      verdict: 'clear rise',
    });
    expect(tutorials?.effect).toMatchObject({ kind: 'enps', verdict: 'clear rise' });

    const second = await read(2);
    expect(second.revisions.map((r) => [r.revision, r.correction])).toEqual([
      [2, true],
      [1, false],
    ]);
    const [correction, original] = second.revisions.map((r) => r.publishedAt);
    expect(String(correction) > String(original)).toBe(true);

    const third = await read(3);
    expect(third.actions).toMatchObject([{ status: 'in-progress', overdue: true, effect: null }]);

    expect(await deps.reviews.latestPublished()).toMatchObject({ iterationId: 4, revision: 1 });
  });
});
