import {
  BatchGetCommand,
  PutCommand,
  QueryCommand,
  type BatchGetCommandInput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { TPublishedReview, TUpdates } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { ideaKey, voteKey, type TStoredIdea } from '../repositories/ideas.js';
import { visitKey } from '../repositories/member-visits.js';
import { revisionKey } from '../repositories/reviews.js';
import { voterKeyOf } from '../services/receipt-key.js';
import { defaultItems, employee, mockedApp, NOW, steering } from '../testing/mocked-app.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const ana = voterKeyOf(SECRET, employee.email);
const sam = voterKeyOf(SECRET, steering.email);

/** An idea of iteration 4; `moved` gives it a status change at that time. */
function stored(id: string, author: string, anonymous: boolean, moved?: string): TStoredIdea {
  const at = '2026-10-20T09:00:00.000Z';
  return {
    id: `000004-${id}`,
    iterationId: 4,
    title: `Idea ${id}`,
    description: 'Why',
    category: 'feature',
    anonymous,
    authorEmail: author,
    authorName: author === employee.email ? employee.name : steering.name,
    votes: 2,
    comments: 0,
    createdAt: at,
    status: moved ? 'declined' : 'new',
    plannedFor: null,
    declineReason: moved ? 'Out of scope' : null,
    duplicateOf: null,
    mergedFrom: [],
    updatedAt: moved ?? at,
    history: [
      { status: 'new', at, iterationId: 4 },
      ...(moved ? [{ status: 'declined' as const, at: moved, iterationId: 4 }] : []),
    ],
    segment: null,
    authorKey: null,
    searchText: '',
  };
}

const ideas = [
  stored('mhq1x2y3z0aaaaaa', employee.email, true), // Ana's own, anonymous, still new
  stored('mhq1x2y3z0bbbbbb', steering.email, true, '2026-11-10T09:00:00.000Z'), // Ana voted
  stored('mhq1x2y3z0cccccc', steering.email, false), // neither
];
const votes = [
  voteKey(ideas[1]?.id ?? '', ana),
  voteKey(ideas[0]?.id ?? '', sam),
  voteKey(ideas[2]?.id ?? '', sam),
];

const review: TPublishedReview = {
  iterationId: 4,
  iterationName: 'Iteration 4',
  revision: 1,
  publishedAt: '2026-11-12T09:00:00.000Z',
  content: {
    summary: 'We heard you',
    saidWeDid: [{ said: 'Too many e-mails', did: 'Threads', ideaIds: [] }],
    decisions: [],
    actions: [],
  },
  correction: false,
};

async function appWith(lastVisit: string | null) {
  const items = [...defaultItems()];
  if (lastVisit) items.push({ ...visitKey(ana), at: lastVisit });
  const mocked = await mockedApp(items);
  mocked.dynamo.on(QueryCommand).callsFake(async (input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    if (values[':pk'] === 'REVIEWS') {
      return { Items: [{ ...revisionKey(4, 1), ...review }] };
    }
    const wanted = values[':partition'];
    return {
      Items: ideas
        .filter((idea) => ideaKey(idea.id)?.pk === wanted)
        .map((idea) => ({ ...ideaKey(idea.id), ...idea })),
    };
  });
  mocked.dynamo
    .on(BatchGetCommand)
    .callsFake(async ({ RequestItems = {} }: BatchGetCommandInput) => {
      const [[table, { Keys = [] } = {}] = []] = Object.entries(RequestItems);
      const found = votes.filter((vote) =>
        Keys.some((key) => key.pk === vote.pk && key.sk === vote.sk),
      );
      return { Responses: { [String(table)]: found } };
    });
  mocked.dynamo.on(PutCommand).resolves({});
  return mocked;
}

describe('updates routes', () => {
  it('answers the latest review and my ideas and votes, never an author or who voted', async () => {
    const { call } = await appWith('2026-11-05T00:00:00.000Z');
    const answer = await call(employee, 'GET', '/api/updates');
    expect(answer.status).toBe(200);
    const text = await answer.text();
    const updates = JSON.parse(text) as TUpdates;
    expect(updates.review).toMatchObject({ iterationId: 4, revision: 1 });
    expect(updates.ideas.map((fate) => [fate.idea.title, fate.relation])).toEqual([
      ['Idea mhq1x2y3z0bbbbbb', 'voted'],
      ['Idea mhq1x2y3z0aaaaaa', 'authored'],
    ]);
    expect(updates.ideas[0]?.idea).toMatchObject({
      status: 'declined',
      declineReason: 'Out of scope',
      author: null,
    });
    // The review and the declined idea came after the last visit.
    expect(updates).toMatchObject({ lastVisit: '2026-11-05T00:00:00.000Z', unseen: 2 });
    for (const secret of [employee.email, steering.email, steering.name, ana, sam]) {
      expect(text).not.toContain(secret);
    }
  });

  it('counts everything that moved before a first visit', async () => {
    const { call } = await appWith(null);
    const updates = (await (await call(employee, 'GET', '/api/updates')).json()) as TUpdates;
    expect(updates).toMatchObject({ lastVisit: null, unseen: 2 });
  });

  it('records my visit under my HMAC, never my email', async () => {
    const { call, dynamo } = await appWith(null);
    const answer = await call(employee, 'PUT', '/api/updates/seen');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ lastVisit: NOW.toISOString() });
    const put = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put?.Item).toEqual({ ...visitKey(ana), at: NOW.toISOString() });
    expect(JSON.stringify(put)).not.toContain(employee.email);
  });

  it('asks for a signed-in member', async () => {
    const { call } = await appWith(null);
    expect((await call(null, 'GET', '/api/updates')).status).toBe(401);
    expect((await call(null, 'PUT', '/api/updates/seen')).status).toBe(401);
  });
});
