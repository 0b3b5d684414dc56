import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { type TIdea, type TIdeasSummary, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { openFirstIterationAs } from './open-iteration.js';

/** 40 demo members: the steering group first, then employees over the demo's teams. */
const members = demoMembers(40);
const steering = members[0] as TMember;
const employees = members.filter((member) => member.role === 'employee');

describe('the ideas summary on DynamoDB Local', () => {
  it('counts submitted, voted, triaged and merged ideas, and no author shows', async () => {
    const local = await localApp();
    const { call, clock } = local;
    clock.now = new Date('2026-11-02T08:00:00Z');
    await local.deps.directory.replace(members, clock.now);
    await openFirstIterationAs(steering, call);
    const summary = async () =>
      (await (
        await call(steering, 'GET', '/api/iterations/1/ideas-summary')
      ).json()) as TIdeasSummary;
    expect((await summary()).total).toBe(0);

    const [first, second, third, fourth] = employees as [TMember, TMember, TMember, TMember];
    const submit = async (author: TMember, title: string, category: string) => {
      const answer = await call(author, 'POST', '/api/ideas', {
        title,
        description: '',
        category,
        anonymous: true,
      });
      expect(answer.status).toBe(201);
      return (await answer.json()) as TIdea;
    };
    clock.now = new Date('2026-11-03T09:00:00Z');
    const kept = await submit(first, 'Training at Nantes', 'training');
    const merged = await submit(second, 'Nantes training sessions', 'training');
    const planned = await submit(third, 'A shared calendar', 'feature');
    const declined = await submit(fourth, 'A chat bot', 'feature');
    for (const voter of employees.slice(0, 6)) {
      expect((await call(voter, 'PUT', `/api/ideas/${planned.id}/vote`)).status).toBe(200);
    }
    for (const voter of employees.slice(0, 3)) {
      expect((await call(voter, 'PUT', `/api/ideas/${merged.id}/vote`)).status).toBe(200);
    }

    const move = async (id: string, change: Record<string, unknown>) =>
      expect((await call(steering, 'POST', `/api/ideas/${id}/status`, change)).status).toBe(200);
    clock.now = new Date('2026-11-04T09:00:00Z');
    await move(planned.id, { status: 'under-review' });
    clock.now = new Date('2026-11-05T09:00:00Z');
    await move(planned.id, { status: 'planned', plannedFor: 2 });
    clock.now = new Date('2026-11-07T09:00:00Z');
    await move(declined.id, { status: 'declined', reason: 'Not for now' });
    clock.now = new Date('2026-11-08T21:00:00Z');
    const merge = await call(steering, 'POST', `/api/ideas/${merged.id}/merge`, { into: kept.id });
    expect(merge.status).toBe(200);

    const after = await summary();
    expect(after.total).toBe(4);
    expect(Object.fromEntries(after.funnel.map((step) => [step.status, step.count]))).toEqual({
      new: 1,
      'under-review': 0,
      planned: 1,
      'in-progress': 0,
      done: 0,
      declined: 1,
      duplicate: 1,
    });
    expect(after.categories.filter((row) => row.count > 0)).toEqual([
      { category: 'feature', count: 2 },
      { category: 'training', count: 1 },
    ]);
    // The merged idea's 3 votes moved to the kept one.
    expect(after.top.map((idea) => [idea.title, idea.votes, idea.status])).toEqual([
      ['A shared calendar', 6, 'planned'],
      ['Training at Nantes', 3, 'new'],
      ['A chat bot', 0, 'declined'],
    ]);
    // 2, 4 and 5.5 days to a decision; the kept idea still waits.
    expect(after.decision).toEqual({ medianDays: 4, decided: 3, undecided: 1 });

    const csv = await (
      await call(steering, 'GET', '/api/iterations/1/ideas-summary?format=csv')
    ).text();
    for (const author of [first, second, third, fourth]) {
      expect(JSON.stringify(after) + csv).not.toContain(author.name);
      expect(JSON.stringify(after) + csv).not.toContain(author.email);
    }
    expect((await call(first, 'GET', '/api/iterations/1/ideas-summary')).status).toBe(403);
  });
});
