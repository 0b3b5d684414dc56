import {
  addTallies,
  computeResults,
  defaultPulseTemplate,
  nextRelease,
  tallyOfResponse,
  ZSegmentDimension,
  type TMember,
  type TSegmentDimension,
  type TTally,
  seededRandom,
} from '@boucle/shared';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { beforeAll, describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { stagedImport, type TSend } from './staged-import.js';

const members = demoMembers(60);
const story = (index: number) => {
  const found = demoIterations[index];
  if (!found) throw new Error(`no demo iteration ${index}`);
  return found;
};
const steering = members.find((m) => m.role === 'steering') as TMember;
describe('the pulse loop on DynamoDB Local', () => {
  let local: Awaited<ReturnType<typeof localApp>>;
  const send: TSend = (method, path, body) => local.call(steering, method, path, body);

  beforeAll(async () => {
    local = await localApp();
    await local.deps.directory.replace(members, new Date());
    const created = await local.call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-11-16',
      endDate: '2026-12-11',
      goals: [],
    });
    expect(created.status).toBe(201);
    expect(
      (await local.call(steering, 'PUT', '/api/iterations/1/pulse', defaultPulseTemplate)).status,
    ).toBe(200);
    expect((await local.call(steering, 'POST', '/api/iterations/1/open')).status).toBe(200);
  });

  it('counts a response once when the same member submits 20 times concurrently', async () => {
    const member = members[10] as TMember;
    const answers = demoAnswers(member, story(0), seededRandom(1));
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        local
          .call(member, 'POST', '/api/pulses/pulse-1/responses', { answers })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const tallies = await local.deps.responses.tallies('pulse-1');
    expect(tallies.overall.n).toBe(1);
    expect(await local.deps.responses.responses('pulse-1')).toHaveLength(1);
    const current = await (await local.call(member, 'GET', '/api/pulse/current')).json();
    expect(current.receipt).toEqual({
      pulseId: 'pulse-1',
      iterationId: 1,
      answeredOn: '2026-11-20',
    });
  });

  it('takes a burst of different members at once without losing one', async () => {
    const random = seededRandom(7);
    const burst = members.slice(11, 51);
    const statuses = await Promise.all(
      burst.map((member) =>
        local
          .call(member, 'POST', '/api/pulses/pulse-1/responses', {
            answers: demoAnswers(member, story(1), random),
          })
          .then((r) => r.status),
      ),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect((await local.deps.responses.tallies('pulse-1')).overall.n).toBe(41);
  });

  it('gives results equal to a recomputation from the stored responses', async () => {
    const stored = await local.deps.responses.responses('pulse-1');
    const found = await local.deps.iterations.get(1);
    const pulse = found?.pulse;
    const headcount = found?.iteration.headcount;
    if (!pulse || !headcount) throw new Error('no pulse or headcount');
    // The counters again, from the responses: overall, and per disclosure value of each dimension.
    const overall = addTallies(...stored.map((r) => tallyOfResponse(pulse, r.answers)));
    const byDimension = Object.fromEntries(
      ZSegmentDimension.options.map((dimension) => [dimension, {} as Record<string, TTally>]),
    ) as Record<TSegmentDimension, Record<string, TTally>>;
    for (const response of stored) {
      for (const dimension of ZSegmentDimension.options) {
        const groups = byDimension[dimension];
        const value = response.segment[dimension];
        groups[value] = addTallies(groups[value] ?? {}, tallyOfResponse(pulse, response.answers));
      }
    }
    // The first read makes the first release from those counters (every answer came that day).
    const release = nextRelease({
      previous: null,
      live: { overall: { ...overall, 'd:2026-11-20': stored.length }, byDimension },
      k: 5,
      madeAt: '2026-11-20T10:00:00.000Z',
      closing: false,
    });
    expect(release).not.toBeNull();
    const expected = computeResults({
      iterationId: 1,
      status: 'open',
      pulse,
      headcount,
      release,
      k: 5,
      by: 'team',
    });
    const response = await local.call(steering, 'GET', '/api/iterations/1/results?by=team');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected);
    expect(
      stored.every(
        (r) => Object.keys(r.segment).sort().join() === 'ambassador,site,team,trainingLevel',
      ),
    ).toBe(true);
  });

  it('refuses answers once the iteration is closed', async () => {
    expect((await local.call(steering, 'POST', '/api/iterations/1/close')).status).toBe(200);
    const late = members[55] as TMember;
    const response = await local.call(late, 'POST', '/api/pulses/pulse-1/responses', {
      answers: demoAnswers(late, story(0), seededRandom(3)),
    });
    expect(response.status).toBe(409);
    expect((await local.deps.responses.tallies('pulse-1')).overall.n).toBe(41);
    // Closing made the final release, dated when it closed, with every response it froze.
    const final = await local.deps.releases.latest('pulse-1');
    expect(final?.info).toMatchObject({ final: true, madeAt: '2026-11-20T10:00:00.000Z' });
    expect(final?.tallies.overall.n).toBe(41);
  });

  it('leaves the directory unchanged when a roster has a bad member', async () => {
    const before = await local.deps.directory.members();
    const roster = demoMembers(80);
    // One address that is not one (the page would have refused the file first).
    const bad = roster.map((m, i) => (i === 79 ? { ...m, email: 'not-an-email' } : m));
    await expect(stagedImport(send, bad)).rejects.toThrow(
      /400 .*"members\.\d+\.email":"Invalid email address"/,
    );
    expect(await local.deps.directory.members()).toEqual(before);
    expect((await local.deps.directory.headcount()).total).toBe(60);
  });

  it('replaces the directory with a good roster', async () => {
    const { job } = await stagedImport(send, demoMembers(80));
    expect(job).toMatchObject({ state: 'completed', members: 80 });
    expect((await local.deps.directory.headcount()).total).toBe(80);
    expect(await local.deps.directory.members()).toHaveLength(80);
  });
});
