import { defaultPulseTemplate, EMPTY_REVIEW, type TMember } from '@boucle/shared';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

const content = (summary: string) => ({ ...EMPTY_REVIEW, summary });

/** A fresh table with iteration 1 run and closed, its review ready to be written. */
async function closedIteration() {
  const local = await localApp();
  const members = demoMembers(10);
  await local.deps.directory.replace(members, new Date());
  const steering = members[0] as TMember;
  await local.call(steering, 'POST', '/api/iterations', {
    name: 'Iteration 1',
    startDate: '2026-11-02',
    endDate: '2026-11-13',
    goals: [],
  });
  await local.call(steering, 'PUT', '/api/iterations/1/pulse', defaultPulseTemplate);
  await local.call(steering, 'POST', '/api/iterations/1/open');
  await local.call(steering, 'POST', '/api/iterations/1/close');
  return { ...local, steering };
}

describe('publishing the iteration review on DynamoDB Local', () => {
  it('gives concurrent publishes of different content distinct revisions, never two 1s', async () => {
    const { deps } = await closedIteration();
    const iteration = { id: 1, name: 'Iteration 1' };
    const at = new Date('2026-11-20T10:00:00Z');
    const published = await Promise.all(
      ['one', 'two', 'three'].map((summary) =>
        deps.reviews.publish(iteration, content(summary), at),
      ),
    );
    expect(published.map((review) => review.revision).sort()).toEqual([1, 2, 3]);
    const stored = await deps.reviews.revisionsOf(1);
    expect(stored.map((review) => review.revision)).toEqual([3, 2, 1]);
    // Each stored revision is what its publisher was told, first one not a correction.
    for (const review of published) {
      expect(stored.find((s) => s.revision === review.revision)).toEqual(review);
    }
    expect(stored.find((s) => s.revision === 1)?.correction).toBe(false);
    expect(await deps.reviews.latestPublished()).toEqual(stored[0]);
  });

  it('publishes one draft once, however many steering members click together', async () => {
    const { call, steering } = await closedIteration();
    await call(steering, 'PUT', '/api/iterations/1/review', {
      content: content('Video tutorials'),
      version: 0,
    });
    const answers = await Promise.all(
      [1, 2].map(() => call(steering, 'POST', '/api/iterations/1/review/publish')),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const review = await (await call(steering, 'GET', '/api/iterations/1/review')).json();
    expect(review.revisions).toHaveLength(1);
    expect(review.revisions[0]).toMatchObject({ revision: 1, correction: false });
  });

  it('keeps one of two saves from the same version, refusing the other by its version', async () => {
    const { call, steering, deps } = await closedIteration();
    const saves = await Promise.all(
      ['Mine', 'Theirs'].map((summary) =>
        call(steering, 'PUT', '/api/iterations/1/review', {
          content: content(summary),
          version: 0,
        }),
      ),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409]);
    const refused = saves.find((save) => save.status === 409);
    expect(await refused?.json()).toMatchObject({
      error: { code: 'review_changed', fields: { version: expect.any(String) } },
    });
    const draft = await deps.reviews.draftOf(1);
    expect(draft?.version).toBe(1);
    const next = await call(steering, 'PUT', '/api/iterations/1/review', {
      content: content('Merged'),
      version: 1,
    });
    expect(await next.json()).toMatchObject({ version: 2, content: { summary: 'Merged' } });
  });

  it('answers the newest revision of the latest iteration published, in one query', async () => {
    const { deps } = await closedIteration();
    expect(await deps.reviews.latestPublished()).toBeNull();
    const at = new Date('2026-11-20T10:00:00Z');
    await deps.reviews.publish({ id: 1, name: 'Iteration 1' }, content('first'), at);
    await deps.reviews.publish({ id: 2, name: 'Iteration 2' }, content('second'), at);
    await deps.reviews.publish({ id: 1, name: 'Iteration 1' }, content('first, corrected'), at);
    expect(await deps.reviews.latestPublished()).toMatchObject({
      iterationId: 2,
      revision: 1,
      content: { summary: 'second' },
    });
  });
});
