import { seedDemoConventions } from '@boucle/functions/local/demo-conventions';
import { demoIterations, demoMembers } from '@boucle/functions/local/demo-organisation';
import type { TConvention, TConventionList, TIdea, TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

describe('the conventions register on DynamoDB Local', () => {
  it('keeps every revision, and of two revisions of one version accepts exactly one', async () => {
    const local = await localApp();
    const members = demoMembers(10);
    await local.deps.directory.replace(members, new Date());
    const [steering, employee] = members as [TMember, TMember];
    await local.call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      goals: [],
    });
    const submitted = await local.call(employee, 'POST', '/api/ideas', {
      title: 'Reply in the thread',
      description: 'Not by e-mail',
      category: 'usage-convention',
      anonymous: true,
    });
    const idea = (await submitted.json()) as TIdea;

    const adopted = await local.call(steering, 'POST', '/api/conventions', {
      title: idea.title,
      text: 'Answer a post in its thread, so that everyone follows.',
      iterationId: 1,
      ideaId: idea.id,
    });
    expect(adopted.status).toBe(201);
    const { id } = (await adopted.json()) as TConvention;

    // Two steering members revise version 1 at once: one wins, the other is told.
    const statuses = await Promise.all(
      ['Reply in the thread, always', 'Reply in the thread, please'].map((title) =>
        local
          .call(steering, 'PUT', `/api/conventions/${id}`, {
            title,
            text: 'Not by e-mail.',
            version: 1,
          })
          .then((answer) => answer.status),
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);

    const again = await local.call(steering, 'PUT', `/api/conventions/${id}`, {
      title: 'Reply in the thread',
      text: 'Back to the first title.',
      version: 2,
    });
    expect(again.status).toBe(200);

    const register = await local.call(employee, 'GET', '/api/conventions');
    const { conventions } = (await register.json()) as TConventionList;
    expect(conventions).toHaveLength(1);
    const [convention] = conventions as [TConvention];
    expect(convention).toMatchObject({
      id,
      version: 3,
      text: 'Back to the first title.',
      adoptedIn: { id: 1, name: 'Iteration 1' },
      idea: { id: idea.id, title: 'Reply in the thread' },
    });
    expect(convention.revisions.map((revision) => revision.revision)).toEqual([3, 2, 1]);
    expect(convention.revisions.at(-1)?.text).toBe(
      'Answer a post in its thread, so that everyone follows.',
    );
    expect(JSON.stringify(conventions)).not.toContain(employee.email);
  });

  it('seeds the demo register once, however often the seed runs', async () => {
    const local = await localApp();
    for (const story of demoIterations) {
      const { name, startDate, endDate, goals } = story;
      await local.deps.iterations.create({ name, startDate, endDate, goals });
    }
    const lines: string[] = [];
    await seedDemoConventions(local.deps, (line) => lines.push(line));
    await seedDemoConventions(local.deps, (line) => lines.push(line));
    const register = await local.deps.conventions.list();
    expect(register).toHaveLength(4);
    expect(lines).toHaveLength(5);
    expect(register.map((entry) => entry.version).sort()).toEqual([1, 1, 1, 2]);
    expect(register.map((entry) => entry.adoptedIn.id).sort()).toEqual([2, 2, 3, 4]);
  });
});
