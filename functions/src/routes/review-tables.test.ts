import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { headcountOf, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { iterationKey } from '../repositories/iterations.js';
import {
  defaultItems,
  employee,
  mockedApp,
  mockTallies,
  openIteration,
  openPulse,
  steering,
} from '../testing/mocked-app.js';

/** A team name a spreadsheet would run as a formula, as a directory may hold it. */
const EVIL = '=HYPERLINK("http://evil.example")';

const membersOf = (team: string, trainingLevel: TMember['trainingLevel']): TMember[] =>
  Array.from({ length: 12 }, (_, n) => ({
    ...employee,
    email: `${trainingLevel}${n}@example.com`,
    team,
    trainingLevel,
  }));

/**
 * Iteration 5 opened with 12 beginners in Sales and 12 confirmed in the EVIL team; 6 of each
 * answered: Sales found it useful (4 or 5), EVIL did not (1 or 2). No release yet: the read
 * makes it from these shards.
 */
async function appWithAnswers() {
  const frozen = {
    ...openIteration,
    headcount: headcountOf([...membersOf('Sales', 'beginner'), ...membersOf(EVIL, 'confirmed')]),
  };
  const { call, dynamo } = await mockedApp(
    defaultItems().map((item) =>
      item.sk === iterationKey(5).sk ? { ...item, iteration: frozen } : item,
    ),
  );
  const sales = {
    n: 6,
    'a:usefulness': 6,
    'v:usefulness:4': 3,
    'v:usefulness:5': 3,
    'a:training-need': 6,
    'v:training-need:beginner': 4,
    'v:training-need:none': 2,
  };
  const evil = {
    n: 6,
    'a:usefulness': 6,
    'v:usefulness:1': 3,
    'v:usefulness:2': 3,
    'a:training-need': 6,
    'v:training-need:confirmed': 5,
    'v:training-need:advanced': 1,
  };
  mockTallies(dynamo, openPulse.id, [
    { group: 'ALL', shard: 0, counters: { ...sales, 'd:2026-11-20': 6 } },
    { group: 'ALL', shard: 1, counters: { ...evil, 'd:2026-11-20': 6 } },
    { group: 'team', shard: 0, value: 'Sales', counters: sales },
    { group: 'team', shard: 0, value: EVIL, counters: evil },
    { group: 'trainingLevel', shard: 0, value: 'confirmed', counters: evil },
    { group: 'trainingLevel', shard: 0, value: 'beginner', counters: sales },
  ]);
  dynamo
    .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `RELEASE#${openPulse.id}` } })
    .resolves({ Items: [] });
  dynamo.on(PutCommand).resolves({});
  return call;
}

describe('GET /api/iterations/{id}/heatmap', () => {
  it('tests each team against the rest and flags the real gap', async () => {
    const call = await appWithAnswers();
    const response = await call(steering, 'GET', '/api/iterations/5/heatmap?by=team');
    expect(response.status).toBe(200);
    const heatmap = await response.json();
    expect(heatmap).toMatchObject({ by: 'team', release: { number: 1 }, k: 5 });
    expect(heatmap.groups.map((group: { value: string }) => group.value)).toEqual([EVIL, 'Sales']);
    const usefulness = heatmap.rows.find(
      (row: { questionId: string | null }) => row.questionId === 'usefulness',
    );
    expect(usefulness).toMatchObject({ kind: 'scale', overall: 3 });
    expect(usefulness.cells[0]).toMatchObject({
      group: EVIL,
      state: 'shown',
      n: 6,
      figure: 1.5,
      gap: -1.5,
      significant: true,
    });
    // Participation is the same in both teams: nothing to flag.
    expect(heatmap.rows[0]).toMatchObject({ kind: 'participation', overall: 0.5 });
    expect(heatmap.rows[0].cells[0]).toMatchObject({ figure: 0.5, significant: false });
    expect(heatmap.testing).toMatchObject({ adjustment: 'benjamini-hochberg', level: 0.05 });
  });

  it('exports the heatmap as CSV, the formula-like team name neutralised', async () => {
    const call = await appWithAnswers();
    const csv = await call(steering, 'GET', '/api/iterations/5/heatmap?by=team&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="heatmap-iteration-5-by-team.csv"',
    );
    const text = await csv.text();
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"")",shown,6,1.5,3,-1.5,`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('answers 400 naming `by` when it is missing or not a dimension', async () => {
    const call = await appWithAnswers();
    for (const query of ['', '?by=floor', '?by=team&format=xml']) {
      const response = await call(steering, 'GET', `/api/iterations/5/heatmap${query}`);
      expect(response.status, query).toBe(400);
      const fields = Object.keys((await response.json()).error.fields);
      expect(fields, query).toEqual([query.includes('xml') ? 'format' : 'by']);
    }
  });
});

describe('GET /api/iterations/{id}/training-demand', () => {
  it('gives training level × need, in counts and shares, and overall', async () => {
    const call = await appWithAnswers();
    const response = await call(steering, 'GET', '/api/iterations/5/training-demand');
    expect(response.status).toBe(200);
    const demand = await response.json();
    expect(demand).toMatchObject({
      asked: true,
      needs: ['none', 'beginner', 'confirmed', 'advanced'],
      overall: { withheld: false, answered: 12 },
    });
    expect(demand.overall.needs.map((need: { count: number }) => need.count)).toEqual([2, 4, 5, 1]);
    expect(demand.levels.map((level: { level: string }) => level.level)).toEqual([
      'beginner',
      'confirmed',
    ]);
    expect(demand.levels[1]).toMatchObject({ state: 'shown', members: 12, answered: 6 });
    expect(demand.levels[1].needs[2]).toEqual({ need: 'confirmed', count: 5, share: 5 / 6 });
  });

  it('exports the table as CSV', async () => {
    const call = await appWithAnswers();
    const csv = await call(steering, 'GET', '/api/iterations/5/training-demand?format=csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="training-demand-iteration-5.csv"',
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      'iteration,release,training_level,state,members,answered,need,count,share',
    );
    expect(lines).toContain('5,1,overall,shown,,12,beginner,4,0.3333333333333333');
    expect(lines).toContain('5,1,beginner,shown,12,6,beginner,4,0.6666666666666666');
  });
});

describe('the review tables refuse as results do', () => {
  const paths = ['/api/iterations/5/heatmap?by=site', '/api/iterations/5/training-demand'];

  it('answers 403 to an employee', async () => {
    const { call } = await mockedApp();
    for (const path of paths) expect((await call(employee, 'GET', path)).status, path).toBe(403);
  });

  it('answers 404 for an unknown iteration, 400 for a malformed id', async () => {
    const { call } = await mockedApp();
    for (const path of paths) {
      expect((await call(steering, 'GET', path.replace('/5/', '/77/'))).status, path).toBe(404);
      expect((await call(steering, 'GET', path.replace('/5/', '/abc/'))).status, path).toBe(400);
    }
  });

  it('answers 409 while the iteration is a draft', async () => {
    const draft = { ...openIteration, status: 'draft', headcount: null, openedAt: null };
    const { call } = await mockedApp(
      defaultItems().map((item) =>
        item.sk === iterationKey(5).sk ? { ...item, iteration: draft } : item,
      ),
    );
    for (const path of paths) {
      const response = await call(steering, 'GET', path);
      expect(response.status, path).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'iteration_not_started' } });
    }
  });
});
