import { seedDemoIdeaComments } from '@boucle/functions/local/demo-idea-comments';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import type { TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

describe('the demo idea comments', () => {
  it('comments the demo ideas, hides one with a reason, and adds nothing a second time', async () => {
    const local = await localApp();
    await local.deps.iterations.create({
      name: 'Iteration 1',
      startDate: '2026-11-16',
      endDate: '2026-12-11',
      goals: [],
    });
    const author = demoMembers()[0] as TMember;
    for (const title of ['Shared calendar', 'Weekly tips', 'Training for managers']) {
      const body = { title, description: '', category: 'feature', anonymous: false };
      expect((await local.call(author, 'POST', '/api/ideas', body)).status).toBe(201);
    }
    const lines: string[] = [];
    await seedDemoIdeaComments(local.deps, (line) => lines.push(line));
    const all = await local.deps.ideaComments.queue('all', 50, undefined);
    expect(all.comments.length).toBeGreaterThan(3);
    const hidden = all.comments.filter((comment) => comment.hidden !== null);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]?.hidden?.reason).toBe('Attacks a colleague instead of the idea');
    expect(all.comments.some((comment) => comment.anonymous)).toBe(true);
    expect(lines).toEqual([`idea comments: ${all.comments.length}, one hidden`]);

    await seedDemoIdeaComments(local.deps, (line) => lines.push(line));
    const again = await local.deps.ideaComments.queue('all', 50, undefined);
    expect(again.comments).toHaveLength(all.comments.length);
    expect(lines).toHaveLength(1);
  });
});
