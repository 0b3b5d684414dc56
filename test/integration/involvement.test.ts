import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { type TIdea, type TInvolvement, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { openFirstIterationAs } from './open-iteration.js';

/** 80 demo members: the steering group first, then employees over the demo's teams. */
const members = demoMembers(80);
const steering = members[0] as TMember;

describe('involvement around ideas on DynamoDB Local', () => {
  it('counts what members did before closing, once, and keeps it through later votes and merges', async () => {
    const local = await localApp();
    const { call, clock } = local;
    clock.now = new Date('2026-11-02T08:00:00Z');
    await local.deps.directory.replace(members, clock.now);
    await openFirstIterationAs(steering, call);

    const employees = members.filter((member) => member.role === 'employee');
    const [first, second, third] = employees as [TMember, TMember, TMember];
    const submit = async (author: TMember, title: string) => {
      const answer = await call(author, 'POST', '/api/ideas', {
        title,
        description: '',
        category: 'training',
        anonymous: true,
      });
      expect(answer.status).toBe(201);
      return (await answer.json()) as TIdea;
    };
    clock.now = new Date('2026-11-03T09:00:00Z');
    const kept = await submit(first, 'Training at Nantes');
    const duplicate = await submit(second, 'Nantes training sessions');
    await submit(third, 'A video tutorial');
    // 30 voters for the kept idea, 10 of them (and 5 more) for its duplicate, one comment each.
    const voters = employees.slice(0, 30);
    for (const voter of voters) {
      expect((await call(voter, 'PUT', `/api/ideas/${kept.id}/vote`)).status).toBe(200);
    }
    for (const voter of employees.slice(20, 35)) {
      expect((await call(voter, 'PUT', `/api/ideas/${duplicate.id}/vote`)).status).toBe(200);
    }
    for (const author of employees.slice(0, 6)) {
      const answer = await call(author, 'POST', `/api/ideas/${kept.id}/comments`, {
        text: 'Yes please',
        anonymous: false,
      });
      expect(answer.status).toBe(201);
    }

    // While the iteration is open there is nothing to show yet.
    const open = (await (await call(steering, 'GET', '/api/involvement')).json()) as TInvolvement;
    expect(open.iterations).toEqual([]);

    clock.now = new Date('2026-11-13T18:00:00Z');
    expect((await call(steering, 'POST', '/api/iterations/1/close')).status).toBe(200);
    const read = async (by = '') =>
      (await (await call(steering, 'GET', `/api/involvement${by}`)).json()) as TInvolvement;
    const closed = await read();
    expect(closed.iterations).toHaveLength(1);
    // 35 distinct members voted; authors and commenters are among them.
    expect(closed.iterations[0]?.figures).toEqual({
      members: 80,
      contributors: 35,
      ideas: 3,
      votes: 45,
      comments: 6,
    });

    // After closing: a merge copies votes, a vote is taken back, another comes: nothing moves.
    clock.now = new Date('2026-11-14T10:00:00Z');
    const merge = await call(steering, 'POST', `/api/ideas/${duplicate.id}/merge`, {
      into: kept.id,
    });
    expect(merge.status).toBe(200);
    await call(first, 'DELETE', `/api/ideas/${kept.id}/vote`);
    await call(employees[50] as TMember, 'PUT', `/api/ideas/${kept.id}/vote`);
    expect(await read()).toEqual(closed);

    // By team: every shown group holds at least k contributors, and the CSV says the same.
    const byTeam = await read('?by=team');
    expect(byTeam.iterations[0]?.figures).toEqual(closed.iterations[0]?.figures);
    for (const group of byTeam.iterations[0]?.groups ?? []) {
      if (group.figures) expect(group.figures.contributors).toBeGreaterThanOrEqual(5);
    }
    const csv = await (await call(steering, 'GET', '/api/involvement?by=team&format=csv')).text();
    expect(csv).toContain('Iteration 1,,,80,35,3,45,6,no');

    // Steering only.
    expect((await call(first, 'GET', '/api/involvement')).status).toBe(403);
  });
});
