import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TIdeasSummary } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { ideaKey } from '../repositories/ideas.js';
import { defaultItems, employee, mockedApp, steering } from '../testing/mocked-app.js';

const ambassador = { ...employee, email: 'amb@example.com', ambassador: true };

/** An idea of iteration 5 as stored: `anonymous` ones by a named author the answer must hide. */
function storedIdea(n: number, fields: Record<string, unknown>): Record<string, unknown> {
  const id = `000005-mhq1x2y3z0abc12${n}`;
  return {
    ...ideaKey(id),
    topPk: ideaKey(id)?.pk,
    id,
    iterationId: 5,
    title: `Idea ${n}`,
    description: 'Described',
    category: 'feature',
    anonymous: true,
    authorEmail: 'secret.author@example.com',
    authorName: 'Secret Author',
    authorKey: 'key-of-the-secret-author',
    votes: n,
    createdAt: '2026-11-16T09:00:00.000Z',
    ...fields,
  };
}

const IDEAS = [
  storedIdea(1, {}),
  storedIdea(2, {
    status: 'planned',
    plannedFor: 6,
    history: [
      { status: 'new', at: '2026-11-16T09:00:00.000Z', iterationId: 5 },
      { status: 'under-review', at: '2026-11-17T09:00:00.000Z', iterationId: 5 },
      { status: 'planned', at: '2026-11-19T09:00:00.000Z', iterationId: 5 },
    ],
  }),
  storedIdea(3, { category: 'training' }),
];

async function appWithIdeas(ideas: Record<string, unknown>[] = IDEAS) {
  const mocked = await mockedApp(defaultItems());
  mocked.dynamo.on(QueryCommand).resolves({ Items: ideas });
  return mocked.call;
}

describe('GET /api/iterations/{id}/ideas-summary', () => {
  it("sums up the iteration's ideas for the steering group, no author anywhere", async () => {
    const call = await appWithIdeas();
    const response = await call(steering, 'GET', '/api/iterations/5/ideas-summary');
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const secret of ['Secret Author', 'secret.author', 'key-of-the-secret-author']) {
      expect(text).not.toContain(secret);
    }
    const summary = JSON.parse(text) as TIdeasSummary;
    expect(summary.total).toBe(3);
    expect(summary.funnel.filter((step) => step.count > 0)).toEqual([
      { status: 'new', count: 2 },
      { status: 'planned', count: 1 },
    ]);
    expect(summary.top.map((idea) => idea.votes)).toEqual([3, 2, 1]);
    expect(summary.decision).toEqual({ medianDays: 3, decided: 1, undecided: 2 });
  });

  it('answers an empty summary when no idea was submitted', async () => {
    const call = await appWithIdeas([]);
    const summary = (await (
      await call(steering, 'GET', '/api/iterations/5/ideas-summary')
    ).json()) as TIdeasSummary;
    expect(summary.total).toBe(0);
    expect(summary.top).toEqual([]);
    expect(summary.decision).toEqual({ medianDays: null, decided: 0, undecided: 0 });
  });

  it('exports the summary as CSV', async () => {
    const call = await appWithIdeas();
    const csv = await call(steering, 'GET', '/api/iterations/5/ideas-summary?format=csv');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="ideas-summary-iteration-5.csv"',
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('iteration,section,item,title,status,value');
    expect(lines).toContain('5,status,planned,,,1');
    expect(lines).toContain('5,category,training,,,1');
    expect(lines).toContain('5,top,000005-mhq1x2y3z0abc123,Idea 3,new,3');
    expect(lines).toContain('5,decision,median_days,,,3');
  });

  it('refuses employees and ambassadors (403), unknown iterations (404), bad ids (400)', async () => {
    const call = await appWithIdeas();
    const path = '/api/iterations/5/ideas-summary';
    expect((await call(employee, 'GET', path)).status).toBe(403);
    expect((await call(ambassador, 'GET', path)).status).toBe(403);
    expect((await call(null, 'GET', path)).status).toBe(401);
    expect((await call(steering, 'GET', path.replace('/5/', '/77/'))).status).toBe(404);
    expect((await call(steering, 'GET', path.replace('/5/', '/abc/'))).status).toBe(400);
    expect((await call(steering, 'GET', `${path}?format=xml`)).status).toBe(400);
  });
});
