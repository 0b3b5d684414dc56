import {
  defaultPulseTemplate,
  FULLY_POOLED,
  segmentOf,
  type TMember,
  type TSegment,
  seededRandom,
} from '@boucle/shared';
import { demoAnswers, demoIterations } from '@boucle/functions/local/demo-organisation';
import { beforeAll, describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { stagedImport, type TSend } from './staged-import.js';

const story = demoIterations[0];
if (!story) throw new Error('no demo iteration');

/** Twelve members of Sales and twelve of HR, alike otherwise: no value is rare, none pooled. */
const member = (n: number, team: string): TMember => ({
  email: `${team.toLowerCase()}${n}@example.com`,
  name: `${team} ${n}`,
  team,
  site: 'Paris',
  trainingLevel: 'confirmed',
  ambassador: false,
  role: n === 0 && team === 'HR' ? 'steering' : 'employee',
});
const sales = Array.from({ length: 12 }, (_, n) => member(n, 'Sales'));
const hr = Array.from({ length: 12 }, (_, n) => member(n, 'HR'));
const steering = hr[0] as TMember;
const mover = sales[3] as TMember;
const newcomer = member(99, 'Legal');

describe('disclosure segments frozen when the iteration opens, on DynamoDB Local', () => {
  let local: Awaited<ReturnType<typeof localApp>>;
  const send: TSend = (method, path, body) => local.call(steering, method, path, body);
  const answer = (who: TMember, seed: number) =>
    local.call(who, 'POST', '/api/pulses/pulse-1/responses', {
      answers: demoAnswers(who, story, seededRandom(seed)),
    });

  beforeAll(async () => {
    local = await localApp();
    await local.deps.directory.replace([...sales, ...hr], new Date());
    await local.call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-11-16',
      endDate: '2026-12-11',
      goals: [],
    });
    await local.call(steering, 'PUT', '/api/iterations/1/pulse', defaultPulseTemplate);
    expect((await local.call(steering, 'POST', '/api/iterations/1/open')).status).toBe(200);
    // After the opening: one member moves from Sales to HR, and someone joins Legal.
    const moved = { ...mover, team: 'HR' };
    const roster = [...sales.map((m) => (m === mover ? moved : m)), ...hr, newcomer];
    const { job } = await stagedImport(send, roster);
    expect(job.members).toBe(25);
  });

  it('freezes the headcount per disclosure value, and every member’s segment', async () => {
    const found = await local.deps.iterations.get(1);
    expect(found?.iteration.headcount).toEqual({
      total: 24,
      byDimension: {
        team: { Sales: 12, HR: 12 },
        site: { Paris: 24 },
        trainingLevel: { confirmed: 24 },
        ambassador: { no: 24 },
      },
    });
    const freeze = found?.disclosureFreeze;
    if (!freeze) throw new Error('no freeze recorded');
    const ref = { iterationId: 1, freeze };
    expect(await local.deps.disclosure.segmentOf(ref, mover.email)).toEqual(segmentOf(mover));
    // The email as any case the token carries: keys are by lower-case email.
    expect(await local.deps.disclosure.segmentOf(ref, hr[5]?.email.toUpperCase() ?? '')).toEqual(
      segmentOf(hr[5] as TMember),
    );
    expect(await local.deps.disclosure.segmentOf(ref, newcomer.email)).toBeNull();
  });

  it('counts a member who moved after the opening in the team they had then', async () => {
    expect((await answer(mover, 1)).status).toBe(201);
    const tallies = await local.deps.responses.tallies('pulse-1');
    expect(tallies.overall.n).toBe(1);
    expect(tallies.byDimension.team.Sales?.n).toBe(1);
    expect(tallies.byDimension.team).not.toHaveProperty('HR');
    const stored = await local.deps.responses.responses('pulse-1');
    expect(stored.map((response) => response.segment)).toEqual([segmentOf(mover)]);
  });

  it('counts a member who joined after the opening in the fully pooled group', async () => {
    expect((await answer(newcomer, 2)).status).toBe(201);
    const tallies = await local.deps.responses.tallies('pulse-1');
    expect(tallies.overall.n).toBe(2);
    for (const dimension of ['team', 'site', 'trainingLevel', 'ambassador'] as const) {
      expect(tallies.byDimension[dimension]['*']?.n, dimension).toBe(1);
    }
    expect(tallies.byDimension.team).not.toHaveProperty('Legal');
    const segments: TSegment[] = (await local.deps.responses.responses('pulse-1')).map(
      (response) => response.segment,
    );
    expect(segments).toContainEqual(FULLY_POOLED);
  });

  it('stores responses with their segment and answers only, the day in the overall tally', async () => {
    const stored = await local.deps.responses.responses('pulse-1');
    expect(stored).toHaveLength(2);
    for (const response of stored) {
      expect(Object.keys(response).sort()).toEqual(['answers', 'segment']);
    }
    const tallies = await local.deps.responses.tallies('pulse-1');
    expect(tallies.overall['d:2026-11-20']).toBe(2);
    for (const groups of Object.values(tallies.byDimension)) {
      for (const tally of Object.values(groups)) {
        expect(Object.keys(tally).filter((counter) => counter.startsWith('d:'))).toEqual([]);
      }
    }
  });

  it('still refuses someone no longer in the directory', async () => {
    const leaver = hr[7] as TMember;
    const roster = [...sales, ...hr.filter((m) => m !== leaver), newcomer];
    await stagedImport(send, roster);
    const response = await answer(leaver, 3);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'not_in_directory' } });
  });
});
