import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  addTallies,
  defaultPulseTemplate,
  pulseIdOf,
  tallyOfResponse,
  type TIteration,
  type TMember,
  type TPulse,
  type TRelease,
  type TResults,
  type TTally,
  type TTrends,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { disclosureKey } from '../repositories/disclosure.js';
import { iterationKey } from '../repositories/iterations.js';
import { directoryItems, employee, mockedApp, steering } from '../testing/mocked-app.js';

/** An ambassador who is not steering, of the Sales team. */
const ambassador: TMember = {
  ...employee,
  email: 'amy@example.com',
  name: 'Amy',
  ambassador: true,
};

const pulseOf = (id: number): TPulse => ({
  id: pulseIdOf(id),
  iterationId: id,
  ...defaultPulseTemplate,
});

/** `count` responses rating usefulness `usefulness` and eNPS `enps`. */
function answers(count: number, usefulness: number, enps: number): TTally {
  const one = tallyOfResponse(pulseOf(1), {
    usefulness,
    'ease-of-use': 3,
    frequency: 'weekly',
    enps,
    'training-need': 'none',
  });
  return addTallies(...Array.from({ length: count }, () => one));
}

const members = { Sales: 20, HR: 20, Legal: 20 };

function iterationOf(id: number): TIteration {
  return {
    id,
    name: `Iteration ${id}`,
    startDate: '2026-09-07',
    endDate: '2026-10-02',
    goals: [`Goal ${id}`],
    status: 'closed',
    pulseId: pulseIdOf(id),
    headcount: {
      total: 60,
      byDimension: { team: members, site: {}, trainingLevel: {}, ambassador: {} },
    },
    openedAt: '2026-09-07T07:00:00.000Z',
    closedAt: '2026-10-02T17:00:00.000Z',
    reviewedAt: null,
  };
}

function finalRelease(byTeam: Record<string, TTally>): TRelease {
  return {
    info: { number: 1, madeAt: '2026-10-02T17:00:00.000Z', final: true },
    tallies: {
      overall: addTallies(...Object.values(byTeam)),
      byDimension: { team: byTeam, site: {}, trainingLevel: {}, ambassador: {} },
    },
    dayRanges: [{ from: '2026-09-07', to: '2026-10-02', responses: 0 }],
    withheld: {},
  };
}

/**
 * Two closed iterations. Sales rises clearly; HR is under k in iteration 2 (withheld, and
 * Legal with it). Amy's segment was frozen as Sales in iteration 1 and not at all in 2.
 */
const releases: Record<number, TRelease> = {
  1: finalRelease({ Sales: answers(10, 2, 3), HR: answers(10, 3, 7), Legal: answers(10, 3, 8) }),
  2: finalRelease({ Sales: answers(12, 5, 10), HR: answers(2, 3, 7), Legal: answers(10, 4, 8) }),
};

const iterationItems = [1, 2].map((id) => ({
  ...iterationKey(id),
  iteration: iterationOf(id),
  pulse: pulseOf(id),
  disclosureFreeze: `freeze-${id}`,
}));

async function app(amySegments: Record<number, string> = { 1: 'Sales' }) {
  const segmentItems = Object.entries(amySegments).map(([id, team]) => ({
    ...disclosureKey({ iterationId: Number(id), freeze: `freeze-${id}` }, ambassador.email),
    segment: { team, site: 'Paris', trainingLevel: 'beginner', ambassador: 'yes' },
  }));
  const mocked = await mockedApp([
    ...directoryItems([employee, steering, ambassador]),
    ...iterationItems,
    ...segmentItems,
  ]);
  mocked.dynamo.on(QueryCommand).callsFake(async (input: QueryCommandInput) => {
    const pk = input.ExpressionAttributeValues?.[':pk'];
    if (pk === 'ITERATIONS') return { Items: structuredClone(iterationItems) };
    const release = releases[Number(/^RELEASE#pulse-(\d+)$/.exec(String(pk))?.[1])];
    if (release) return { Items: [{ pk, sk: '000001', release: structuredClone(release) }] };
    throw new Error(`unexpected query of ${String(pk)}`);
  });
  return mocked;
}

const seriesOf = (trends: TTrends, key: string) => trends.overall.find((s) => s.key === key);

describe('GET /api/trends', () => {
  it('lines up every opened iteration for the steering group, with the change tested', async () => {
    const { call, dynamo } = await app();
    const response = await call(steering, 'GET', '/api/trends');
    expect(response.status).toBe(200);
    const trends = (await response.json()) as TTrends;
    expect(trends.iterations.map((i) => [i.id, i.goals])).toEqual([
      [1, ['Goal 1']],
      [2, ['Goal 2']],
    ]);
    expect(trends.scope).toBeNull();
    const usefulness = seriesOf(trends, 'mean:usefulness');
    expect(usefulness?.points.map((p) => p.n)).toEqual([30, 24]);
    expect(usefulness?.changes[1]?.verdict).toBe('clear rise');
    expect(seriesOf(trends, 'participation')?.points[0]?.value).toBe(0.5);
    // A fixed number of reads: the iterations, then one release per iteration; no response.
    const queried = dynamo
      .commandCalls(QueryCommand)
      .map((c) => String(c.args[0].input.ExpressionAttributeValues?.[':pk']))
      .sort();
    expect(queried).toEqual(['ITERATIONS', 'RELEASE#pulse-1', 'RELEASE#pulse-2']);
  });

  it('breaks down by team with the gate applied: a small group and its complement withheld', async () => {
    const { call } = await app();
    const trends = (await (await call(steering, 'GET', '/api/trends?by=team')).json()) as TTrends;
    expect(trends.by).toBe('team');
    const point = (team: string) =>
      trends.groups.find((g) => g.value === team)?.series.find((s) => s.key === 'mean:usefulness')
        ?.points[1];
    expect(point('HR')).toMatchObject({ value: null, withheld: true });
    expect(point('Legal')).toMatchObject({ value: null, withheld: true });
    expect(point('Sales')).toMatchObject({ value: 5, withheld: false });
  });

  it('shows an ambassador their own frozen team only, and nothing where they had none', async () => {
    const { call } = await app();
    const steeringView = (await (
      await call(steering, 'GET', '/api/trends?by=team')
    ).json()) as TTrends;
    const response = await call(ambassador, 'GET', '/api/trends');
    expect(response.status).toBe(200);
    const trends = (await response.json()) as TTrends;
    expect(trends.scope).toEqual({
      dimension: 'team',
      teams: [
        { iterationId: 1, value: 'Sales', pooled: false },
        { iterationId: 2, value: null, pooled: false },
      ],
    });
    expect(trends.groups).toEqual([]);
    const sales = steeringView.groups.find((g) => g.value === 'Sales');
    const steeringSales = sales?.series.find((s) => s.key === 'mean:usefulness')?.points[0];
    const usefulness = seriesOf(trends, 'mean:usefulness');
    expect(usefulness?.points[0]).toEqual(steeringSales);
    expect(usefulness?.points[1]).toMatchObject({ value: null, withheld: true });
    expect(usefulness?.changes).toEqual([null, null]);
  });

  it('refuses a breakdown to an ambassador, naming `by`, and trends to an employee', async () => {
    const { call } = await app();
    const refused = await call(ambassador, 'GET', '/api/trends?by=site');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: 'forbidden', fields: { by: expect.any(String) } },
    });
    expect((await call(employee, 'GET', '/api/trends')).status).toBe(403);
    expect((await call(null, 'GET', '/api/trends')).status).toBe(401);
    expect((await call(steering, 'GET', '/api/trends?by=nothing')).status).toBe(400);
  });

  it('exports one CSV line per series × iteration × group, withheld cells empty', async () => {
    const { call } = await app();
    const response = await call(steering, 'GET', '/api/trends?by=team&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // (trim() drops the byte order mark too)
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'dimension,group,series,kind,question,option,iteration,value,low,high,n,withheld,change,p_value,verdict',
    );
    const usefulness = lines.filter((l) => l.includes(',mean:usefulness,'));
    // overall and three teams, two iterations each.
    expect(usefulness).toHaveLength(8);
    expect(usefulness.find((l) => l.startsWith('team,HR,') && l.includes(',2,'))).toMatch(
      /^team,HR,mean:usefulness,mean,usefulness,,2,,,,,true,,,$/,
    );
    expect(usefulness.find((l) => l.startsWith('overall,') && l.includes(',2,'))).toMatch(
      /,clear rise$/,
    );
  });
});

describe('GET /api/iterations/{id}/results for an ambassador', () => {
  it("gives their team's group as steering sees it, labelled pooled when it was", async () => {
    const { call } = await app({ 1: 'Sales', 2: '*' });
    const steeringView = (await (
      await call(steering, 'GET', '/api/iterations/1/results?by=team')
    ).json()) as TResults;
    const response = await call(ambassador, 'GET', '/api/iterations/1/results');
    expect(response.status).toBe(200);
    const results = (await response.json()) as TResults;
    const sales = steeringView.groups.find((g) => g.value === 'Sales');
    expect(results).toMatchObject({
      scope: { dimension: 'team', value: 'Sales', pooled: false },
      respondents: sales?.respondents,
      members: 20,
      questions: sales?.questions,
      groups: [],
      byDay: [],
    });
    const pooled = (await (
      await call(ambassador, 'GET', '/api/iterations/2/results')
    ).json()) as TResults;
    // No `*` group was released in iteration 2: the pooled team shows nothing, not another team.
    expect(pooled).toMatchObject({
      scope: { value: '*', pooled: true },
      withheld: true,
      respondents: null,
    });
  });

  it('keeps a withheld team withheld, and refuses `by`', async () => {
    const { call } = await app({ 2: 'HR' });
    const results = (await (
      await call(ambassador, 'GET', '/api/iterations/2/results')
    ).json()) as TResults;
    expect(results).toMatchObject({ withheld: true, respondents: null, participation: null });
    expect(results.questions.every((q) => q.withheld && q.distribution.length === 0)).toBe(true);
    const csv = await (
      await call(ambassador, 'GET', '/api/iterations/2/results?format=csv')
    ).text();
    // Their team's lines, labelled as such, with every figure withheld.
    const lines = csv.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(defaultPulseTemplate.questions.length);
    expect(lines.every((line) => /^2,1,team,HR,.*,true$/.test(line))).toBe(true);
    const refused = await call(ambassador, 'GET', '/api/iterations/2/results?by=team');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.fields).toHaveProperty('by');
    expect((await call(steering, 'GET', '/api/iterations/2/results')).status).toBe(200);
  });
});
