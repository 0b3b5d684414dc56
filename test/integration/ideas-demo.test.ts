import { demoIdeaTitles, findDemoIdea, seedDemoIdeas } from '@boucle/functions/local/demo-ideas';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

describe('demo ideas', { timeout: 600_000 }, () => {
  it('seeds the story’s ideas, triage and merges, and adds nothing when run again', async () => {
    const { deps } = await localApp();
    await seedDemoIdeas(deps, () => undefined);
    const first = await deps.ideas.all([1, 2, 3, 4, 5]);
    expect(first).toHaveLength(demoIdeaTitles.length);
    const count = (status: string) => first.filter((idea) => idea.status === status).length;
    expect(count('duplicate')).toBe(2);
    expect(count('declined')).toBe(2);
    expect(count('done')).toBeGreaterThanOrEqual(5);
    expect(
      first.filter((idea) => idea.status === 'done' && idea.category === 'usage-convention'),
    ).not.toHaveLength(0);
    expect(first.some((idea) => idea.anonymous)).toBe(true);

    const kept = await findDemoIdea(deps, 'Des tutoriels vidéo courts');
    expect(kept?.mergedFrom).toHaveLength(1);
    // 27 of its own and the duplicate's 9, a member in both counted once.
    expect(kept?.votes).toBeGreaterThan(27);
    expect(kept?.votes).toBeLessThanOrEqual(36);

    await seedDemoIdeas(deps, () => undefined);
    const again = await deps.ideas.all([1, 2, 3, 4, 5]);
    const shape = (ideas: typeof first) =>
      ideas.map((idea) => [idea.id, idea.status, idea.votes, idea.history.length]).sort();
    expect(shape(again)).toEqual(shape(first));
  });
});
