import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type BatchGetCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { TIdea, TIdeaList } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { disclosureKey } from '../repositories/disclosure.js';
import { ideaKey, voteKey } from '../repositories/ideas.js';
import { iterationKey } from '../repositories/iterations.js';
import { voterKeyOf } from '../services/receipt-key.js';
import {
  defaultItems,
  employee,
  FREEZE,
  frozenSegments,
  mockedApp,
  openIteration,
  steering,
} from '../testing/mocked-app.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const ID = '000005-mhq1x2y3z0abc123';

const input = {
  title: 'A shared calendar per team',
  description: 'So that events are found',
  category: 'feature',
  anonymous: false,
};

/**
 * An idea Ana (the employee) submitted, anonymously or not, with 3 votes, as written before
 * triage (no status, history…): it must still read as a `new` idea.
 */
function storedIdea(anonymous: boolean): Record<string, unknown> {
  const idea = {
    id: ID,
    iterationId: 5,
    title: input.title,
    description: input.description,
    category: 'feature',
    anonymous,
    authorEmail: employee.email,
    authorName: employee.name,
    votes: 3,
    createdAt: '2026-11-20T09:00:00.000Z',
  };
  return { ...ideaKey(ID), topPk: ideaKey(ID)?.pk, ...idea };
}

/** Sam (steering) voted for it. */
const samsVote = { ...voteKey(ID, voterKeyOf(SECRET, steering.email)), votedAt: 'x' };

/** The app over these items; queries answer the ideas, batch gets the votes among them. */
async function appWith(anonymous: boolean) {
  const items = [...defaultItems(), storedIdea(anonymous), samsVote];
  const mocked = await mockedApp(items);
  mocked.dynamo.on(QueryCommand).resolves({ Items: [storedIdea(anonymous)] });
  mocked.dynamo
    .on(BatchGetCommand)
    .callsFake(async ({ RequestItems = {} }: BatchGetCommandInput) => {
      const [[table, { Keys = [] } = {}] = []] = Object.entries(RequestItems);
      const found = Keys.filter((key) => key.pk === samsVote.pk && key.sk === samsVote.sk);
      return { Responses: { [String(table)]: found.map(() => samsVote) } };
    });
  return mocked;
}

const cancelled = (codes: [string, string]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('ideas routes', () => {
  it('submits an idea in the open iteration, 201, the email stored but never answered', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(PutCommand).resolves({});
    const answer = await call(employee, 'POST', '/api/ideas', input);
    expect(answer.status).toBe(201);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({
      title: input.title,
      status: 'new',
      votes: 0,
      comments: 0,
      iterationId: 5,
      author: { name: 'Ana' },
      mine: true,
      voted: false,
    });
    expect(text).not.toContain(employee.email);
    const stored = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(stored?.Item).toMatchObject({ authorEmail: employee.email, votes: 0 });
    expect(stored?.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('refuses bad input naming the field, and callers without a token', async () => {
    const { call } = await mockedApp();
    const long = await call(employee, 'POST', '/api/ideas', { ...input, title: 'x'.repeat(121) });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { title: expect.any(String) } },
    });
    const category = await call(employee, 'POST', '/api/ideas', { ...input, category: 'gossip' });
    expect(await category.json()).toMatchObject({
      error: { fields: { category: expect.any(String) } },
    });
    const id = await call(employee, 'GET', '/api/ideas/not-an-id');
    expect(id.status).toBe(400);
    expect(await id.json()).toMatchObject({ error: { fields: { id: expect.any(String) } } });
    const sort = await call(employee, 'GET', '/api/ideas?sort=random');
    expect(await sort.json()).toMatchObject({ error: { fields: { sort: expect.any(String) } } });
    expect((await call(null, 'POST', '/api/ideas', input)).status).toBe(401);
    expect((await call(null, 'PUT', `/api/ideas/${ID}/vote`)).status).toBe(401);
  });

  it('refuses a cursor it did not make, naming it', async () => {
    const { call } = await appWith(false);
    const forged = Buffer.from(JSON.stringify({ pk: 'RECEIPT#x', sk: 'RECEIPT' })).toString(
      'base64url',
    );
    for (const cursor of [forged, 'garbage!']) {
      const answer = await call(employee, 'GET', `/api/ideas?cursor=${cursor}`);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({
        error: { fields: { cursor: expect.any(String) } },
      });
    }
  });

  it('never answers an anonymous author, on any route, to anyone', async () => {
    const { call, dynamo } = await appWith(true);
    dynamo.on(PutCommand).resolves({});
    dynamo.on(TransactWriteCommand).resolves({});
    const answers = [
      await call(employee, 'POST', '/api/ideas', { ...input, anonymous: true }),
      await call(employee, 'GET', '/api/ideas'),
      await call(steering, 'GET', '/api/ideas?sort=new'),
      await call(steering, 'GET', `/api/ideas/${ID}`),
      await call(steering, 'PUT', `/api/ideas/${ID}/vote`),
      await call(steering, 'DELETE', `/api/ideas/${ID}/vote`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      const text = await answer.text();
      expect(text).not.toContain(employee.email);
      expect(text).not.toContain(`"${employee.name}"`);
      expect(text).toContain('"author":null');
    }
  });

  it('tells each caller whether it is theirs and whether they voted', async () => {
    const { call } = await appWith(false);
    const byAuthor = (await (await call(employee, 'GET', `/api/ideas/${ID}`)).json()) as TIdea;
    expect(byAuthor).toMatchObject({ mine: true, voted: false, votes: 3, author: { name: 'Ana' } });
    const byVoter = (await (await call(steering, 'GET', `/api/ideas/${ID}`)).json()) as TIdea;
    expect(byVoter).toMatchObject({ mine: false, voted: true });
    const listed = (await (await call(steering, 'GET', '/api/ideas')).json()) as TIdeaList;
    expect(listed.ideas.map((i) => [i.mine, i.voted])).toEqual([[false, true]]);
    const listedByAuthor = (await (await call(employee, 'GET', '/api/ideas')).json()) as TIdeaList;
    expect(listedByAuthor.ideas.map((i) => [i.mine, i.voted])).toEqual([[true, false]]);
  });

  it('lists the most voted from the top index, newest from the iteration partition, duplicates hidden', async () => {
    const { call, dynamo } = await appWith(false);
    await call(employee, 'GET', '/api/ideas?sort=top&limit=10');
    await call(employee, 'GET', '/api/ideas?sort=new');
    const [top, newest] = dynamo.commandCalls(QueryCommand).map((q) => q.args[0].input);
    expect(top).toMatchObject({ IndexName: 'top', ScanIndexForward: false, Limit: 10 });
    expect(top?.ExpressionAttributeValues).toEqual({
      ':partition': 'IDEAS#000005',
      ':duplicate': 'duplicate',
    });
    expect(top?.FilterExpression).toContain('<> :duplicate');
    expect(newest?.IndexName).toBeUndefined();
    expect(newest).toMatchObject({ ScanIndexForward: false, Limit: 20 });
  });

  it('votes in one transaction: a conditional vote item and the count', async () => {
    const { call, dynamo } = await appWith(false);
    dynamo.on(TransactWriteCommand).resolves({});
    const answer = await call(employee, 'PUT', `/api/ideas/${ID}/vote`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ voted: true });
    const [count, vote] =
      dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(count?.Update).toMatchObject({
      UpdateExpression: 'ADD votes :change',
      ExpressionAttributeValues: { ':change': 1 },
    });
    expect(vote?.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    // The vote item holds no email: its key is the member's HMAC.
    expect(JSON.stringify(vote)).not.toContain(employee.email);
  });

  it('votes in three calls once the iteration is known: segment, transaction, idea', async () => {
    const { call, dynamo } = await appWith(false);
    dynamo.on(TransactWriteCommand).resolves({});
    expect((await call(employee, 'PUT', `/api/ideas/${ID}/vote`)).status).toBe(200);
    dynamo.resetHistory();
    expect((await call(steering, 'PUT', `/api/ideas/${ID}/vote`)).status).toBe(200);
    expect(dynamo.calls().map((c) => c.args[0].constructor.name)).toEqual([
      'GetCommand',
      'TransactWriteCommand',
      'GetCommand',
    ]);
    // The segment frozen for the idea's iteration (5, open), stored on the vote item.
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual(
      disclosureKey(FREEZE, steering.email),
    );
    const [, vote] =
      dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(vote?.Put?.Item?.segment).toEqual(frozenSegments.get(steering.email));
  });

  it('stores no segment on a vote for an idea of an iteration that has ended', async () => {
    const closed = defaultItems().map((item) =>
      item.sk === iterationKey(5).sk
        ? { ...item, iteration: { ...openIteration, status: 'closed' } }
        : item,
    );
    const mocked = await mockedApp([...closed, storedIdea(false)]);
    mocked.dynamo.on(TransactWriteCommand).resolves({});
    expect((await mocked.call(steering, 'PUT', `/api/ideas/${ID}/vote`)).status).toBe(200);
    const [, vote] =
      mocked.dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(vote?.Put?.Item?.segment).toBeNull();
    const reads = mocked.dynamo
      .commandCalls(GetCommand)
      .map((c) => String(c.args[0].input.Key?.pk));
    expect(reads.filter((pk) => pk.startsWith('DISCLOSURE#'))).toEqual([]);
  });

  it('answers 200 to a second vote or take-back, 404 to an unknown idea', async () => {
    const { call, dynamo } = await appWith(false);
    dynamo.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']));
    expect((await call(steering, 'PUT', `/api/ideas/${ID}/vote`)).status).toBe(200);
    expect((await call(employee, 'DELETE', `/api/ideas/${ID}/vote`)).status).toBe(200);
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));
    const unknown = '000005-zzzzzzzzzzzzzzzz';
    expect((await call(employee, 'PUT', `/api/ideas/${unknown}/vote`)).status).toBe(404);
    expect((await call(employee, 'GET', `/api/ideas/${unknown}`)).status).toBe(404);
  });

  it('retries a vote that collided with another member’s, and counts it', async () => {
    const { call, dynamo } = await appWith(false);
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict', 'None']))
      .resolves({});
    expect((await call(employee, 'PUT', `/api/ideas/${ID}/vote`)).status).toBe(200);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });
});
