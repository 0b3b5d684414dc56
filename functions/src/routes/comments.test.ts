import { PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  labellingDimension,
  type TRelease,
  type TSegment,
  type TSegmentDimension,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { iterationKey } from '../repositories/iterations.js';
import {
  defaultItems,
  mockedApp,
  openIteration,
  openPulse,
  steering,
  validAnswers,
} from '../testing/mocked-app.js';

const closed = { ...openIteration, status: 'closed', closedAt: '2026-12-11T18:00:00.000Z' };

const segment = (team: string): TSegment => ({
  team,
  site: 'Paris',
  trainingLevel: '*',
  ambassador: 'no',
});

/** Comment texts the app labels in the given breakdown. */
function textsFor(dimension: TSegmentDimension, count: number, words: string): string[] {
  const texts: string[] = [];
  for (let i = 0; texts.length < count; i++) {
    const text = `${words} ${i}`;
    if (labellingDimension(text) === dimension) texts.push(text);
  }
  return texts;
}

type TStored = { segment: TSegment; answers: Record<string, unknown> };

/** The final release of exactly these responses (what closing makes when nothing is withheld). */
function finalReleaseOf(responses: readonly TStored[], overall = responses.length): TRelease {
  const byDimension: TRelease['tallies']['byDimension'] = {
    team: {},
    site: {},
    trainingLevel: {},
    ambassador: {},
  };
  for (const { segment: s } of responses) {
    for (const dimension of ['team', 'site', 'trainingLevel', 'ambassador'] as const) {
      byDimension[dimension][s[dimension]] = {
        n: (byDimension[dimension][s[dimension]]?.n ?? 0) + 1,
      };
    }
  }
  return {
    info: { number: 3, madeAt: '2026-12-11T18:00:01.000Z', final: true },
    tallies: { overall: { n: overall }, byDimension },
    dayRanges: [],
    withheld: {},
  };
}

/** A closed iteration 5 whose responses lie over the shards, with its final release. */
async function closedIteration(responses: TStored[], release = finalReleaseOf(responses)) {
  const app = await mockedApp(
    defaultItems().map((item) =>
      item.sk === iterationKey(5).sk ? { ...item, iteration: closed } : item,
    ),
  );
  app.dynamo
    .on(QueryCommand)
    .callsFake(async ({ ExpressionAttributeValues }: QueryCommandInput) => {
      const pk = String(ExpressionAttributeValues?.[':pk']);
      if (pk === `RELEASE#${openPulse.id}`) return { Items: [{ pk, sk: '000003', release }] };
      const shard = /^RESPONSES#.+#(\d+)$/.exec(pk)?.[1];
      if (shard === undefined) return { Items: [] };
      return {
        Items: responses
          .filter((_, index) => index % 4 === Number(shard))
          .map((response, index) => ({ pk, sk: `r${index}`, ...response })),
      };
    });
  app.dynamo.on(PutCommand).rejects(new Error('a closed iteration has its final release'));
  return app;
}

/** Sales: 12 respondents, HR: 4; every one of them left a comment. */
function salesAndHr(): TStored[] {
  const sales = textsFor('team', 6, 'formation Nantes').concat(
    textsFor('site', 6, 'notifications'),
  );
  const hr = textsFor('team', 4, 'questions RH');
  return [
    ...sales.map((comment) => ({
      segment: segment('Sales'),
      answers: { ...validAnswers, comment },
    })),
    ...hr.map((comment) => ({ segment: segment('HR'), answers: { ...validAnswers, comment } })),
  ];
}

describe('GET /api/iterations/{id}/comments', () => {
  it('shows no comments while the iteration is open, and reads no response', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const response = await call(steering, 'GET', '/api/iterations/5/comments');
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('comments_not_released');
    const queried = dynamo
      .commandCalls(QueryCommand)
      .map((c) => String(c.args[0].input.ExpressionAttributeValues?.[':pk']));
    expect(queried.some((pk) => pk.startsWith('RESPONSES#'))).toBe(false);
  });

  it('shows the texts only, with themes, total and pages', async () => {
    const { call } = await closedIteration(salesAndHr());
    const first = await call(steering, 'GET', '/api/iterations/5/comments?limit=10');
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page).toMatchObject({ iterationId: 5, by: null, commentK: 10, withheldReason: null });
    expect(page.total).toBe(16);
    expect(page.comments).toHaveLength(10);
    for (const comment of page.comments)
      expect(Object.keys(comment).sort()).toEqual(['label', 'text']);
    expect(page.themes).toEqual([
      { term: 'formation', comments: 6 },
      { term: 'nantes', comments: 6 },
      { term: 'notifications', comments: 6 },
      { term: 'questions', comments: 4 },
      { term: 'rh', comments: 4 },
    ]);
    const next = await call(
      steering,
      'GET',
      `/api/iterations/5/comments?limit=10&cursor=${encodeURIComponent(page.nextCursor)}`,
    );
    const second = await next.json();
    expect(second.comments).toHaveLength(6);
    expect(second.nextCursor).toBeNull();
    const all = [...page.comments, ...second.comments].map((c: { text: string }) => c.text);
    expect(new Set(all).size).toBe(16);
  });

  it('searches and filters by theme, and exports what matches as CSV', async () => {
    const { call } = await closedIteration(salesAndHr());
    const found = await (await call(steering, 'GET', '/api/iterations/5/comments?q=NANTÈS')).json();
    expect(found.total).toBe(6);
    const themed = await (
      await call(steering, 'GET', '/api/iterations/5/comments?theme=rh')
    ).json();
    expect(themed.total).toBe(4);
    const csv = await call(steering, 'GET', '/api/iterations/5/comments?theme=rh&format=csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="comments-iteration-5.csv"',
    );
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('iteration,breakdown,group,comment');
    expect(lines.slice(1).every((line) => /^5,,,questions RH \d+$/.test(line))).toBe(true);
    expect(lines).toHaveLength(5);
  });

  it('never labels a comment with a team of fewer than commentK respondents', async () => {
    const { call } = await closedIteration(salesAndHr());
    const page = await (await call(steering, 'GET', '/api/iterations/5/comments?by=team')).json();
    // HR (4) is too small alone, so Sales (12) is pooled with it: "other groups" holds 16.
    expect(page.total).toBe(10);
    expect(page.labelledElsewhere).toBe(6);
    for (const comment of page.comments) expect(comment.label).toEqual({ kind: 'other groups' });
  });

  it('shows none when the final release kept earlier figures (late answers not told apart)', async () => {
    const responses = salesAndHr();
    const { call } = await closedIteration(responses, finalReleaseOf(responses, 13));
    const page = await (await call(steering, 'GET', '/api/iterations/5/comments')).json();
    expect(page).toMatchObject({
      withheldReason: 'late_answers_unattributable',
      total: 0,
      comments: [],
      themes: [],
    });
  });

  it('names a wrong cursor, limit or breakdown', async () => {
    const { call } = await closedIteration(salesAndHr());
    for (const [query, field] of [
      ['cursor=nope', 'cursor'],
      ['limit=101', 'limit'],
      ['by=email', 'by'],
    ]) {
      const response = await call(steering, 'GET', `/api/iterations/5/comments?${query}`);
      expect(response.status, query).toBe(400);
      expect(Object.keys((await response.json()).error.fields), query).toEqual([field]);
    }
  });
});
