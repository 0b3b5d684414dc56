import {
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { TIdea } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { ideaKey } from '../repositories/ideas.js';
import { defaultItems, employee, mockedApp, steering } from '../testing/mocked-app.js';

const ID = '000005-mhq1x2y3z0abc123';
const KEPT = '000005-mhq1x2y3z0kept12';
const ambassador = { ...employee, email: 'amy@example.com', name: 'Amy', ambassador: true };

/** Ana's idea (anonymous or not) in a status, and a kept idea to merge into. */
function ideaItem(id: string, status: string, anonymous: boolean): Record<string, unknown> {
  return {
    ...ideaKey(id),
    topPk: ideaKey(id)?.pk,
    id,
    iterationId: 5,
    title: 'Vidéos tutoriels',
    description: 'Courtes',
    category: 'training',
    anonymous,
    authorEmail: employee.email,
    authorName: employee.name,
    authorKey: 'hmac-of-ana',
    segment: { team: 'Sales', site: 'Paris', trainingLevel: '*', ambassador: 'no' },
    votes: 2,
    createdAt: '2026-11-18T09:00:00.000Z',
    status,
  };
}

/** The app over these ideas; an update answers the item with what it set. */
async function appWith(status = 'new', anonymous = true) {
  const items = [...defaultItems(), ideaItem(ID, status, anonymous), ideaItem(KEPT, 'new', false)];
  const mocked = await mockedApp(items);
  mocked.dynamo.on(UpdateCommand).callsFake(async (input: UpdateCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const names = input.ExpressionAttributeNames ?? {};
    const set = Object.fromEntries(
      Object.entries(names)
        .filter(([, name]) => `:${name}` in values)
        .map(([, name]) => [name, values[`:${name}`]]),
    );
    return { Attributes: { ...ideaItem(ID, status, anonymous), ...set } };
  });
  mocked.dynamo.on(TransactWriteCommand).resolves({});
  mocked.dynamo.on(QueryCommand).resolves({ Items: [] });
  mocked.dynamo.on(PutCommand).resolves({});
  return mocked;
}

describe('idea triage, merge and edit routes', () => {
  it('lets only the steering group change a status, ambassadors and steering merge', async () => {
    const { call } = await appWith();
    const status = { status: 'under-review' };
    expect((await call(employee, 'POST', `/api/ideas/${ID}/status`, status)).status).toBe(403);
    expect((await call(ambassador, 'POST', `/api/ideas/${ID}/status`, status)).status).toBe(403);
    expect((await call(null, 'POST', `/api/ideas/${ID}/status`, status)).status).toBe(401);
    expect((await call(steering, 'POST', `/api/ideas/${ID}/status`, status)).status).toBe(200);
    const merge = { into: KEPT };
    expect((await call(employee, 'POST', `/api/ideas/${ID}/merge`, merge)).status).toBe(403);
    expect((await call(ambassador, 'POST', `/api/ideas/${ID}/merge`, merge)).status).toBe(200);
    expect((await call(steering, 'POST', `/api/ideas/${ID}/merge`, merge)).status).toBe(200);
  });

  it('refuses a missing reason or plannedFor (400), an illegal step (409), naming the field', async () => {
    const { call } = await appWith('under-review');
    const cases = [
      [{ status: 'declined' }, 400, 'reason'],
      [{ status: 'declined', reason: 'no' }, 400, 'reason'],
      [{ status: 'planned' }, 400, 'plannedFor'],
      [{ status: 'planned', plannedFor: 4 }, 400, 'plannedFor'],
      [{ status: 'done' }, 409, 'status'],
      [{ status: 'duplicate' }, 400, 'status'],
      [{ status: 'shelved' }, 400, 'status'],
    ] as const;
    for (const [body, code, field] of cases) {
      const answer = await call(steering, 'POST', `/api/ideas/${ID}/status`, body);
      expect(answer.status, JSON.stringify(body)).toBe(code);
      expect(await answer.json()).toMatchObject({
        error: { fields: { [field]: expect.any(String) } },
      });
    }
    const unknown = await call(steering, 'POST', '/api/ideas/000005-zzzzzzzzzzzz/status', {
      status: 'under-review',
    });
    expect(unknown.status).toBe(404);
  });

  it('plans conditionally on the status read, appending to the history', async () => {
    const { call, dynamo } = await appWith('under-review');
    const answer = await call(steering, 'POST', `/api/ideas/${ID}/status`, {
      status: 'planned',
      plannedFor: 6,
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'planned', plannedFor: 6 });
    const update = dynamo.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(update?.ConditionExpression).toBe('#status = :expected');
    expect(update?.ExpressionAttributeValues).toMatchObject({
      ':expected': 'under-review',
      ':entry': [{ status: 'planned', at: expect.any(String), iterationId: 5 }],
    });
  });

  it('refuses merging into itself or into a duplicate, naming into', async () => {
    const { call } = await appWith();
    const itself = await call(steering, 'POST', `/api/ideas/${ID}/merge`, { into: ID });
    expect(itself.status).toBe(400);
    expect(await itself.json()).toMatchObject({ error: { fields: { into: expect.any(String) } } });
    const missing = await call(steering, 'POST', `/api/ideas/${ID}/merge`, {
      into: '000005-zzzzzzzzzzzz',
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { fields: { into: expect.any(String) } } });
    const { call: callDuplicate } = await appWith('duplicate');
    const intoDuplicate = await callDuplicate(steering, 'POST', `/api/ideas/${KEPT}/merge`, {
      into: ID,
    });
    expect(intoDuplicate.status).toBe(409);
    expect(await intoDuplicate.json()).toMatchObject({
      error: { fields: { into: expect.any(String) } },
    });
  });

  it('lets only the author edit, while new or under review', async () => {
    const { call } = await appWith('new', false);
    const edit = { title: 'Vidéos courtes' };
    expect((await call(steering, 'PATCH', `/api/ideas/${ID}`, edit)).status).toBe(403);
    const mine = await call(employee, 'PATCH', `/api/ideas/${ID}`, edit);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ title: 'Vidéos courtes', mine: true });
    const empty = await call(employee, 'PATCH', `/api/ideas/${ID}`, { title: '' });
    expect(await empty.json()).toMatchObject({ error: { fields: { title: expect.any(String) } } });
    const { call: callPlanned } = await appWith('planned', false);
    const late = await callPlanned(employee, 'PATCH', `/api/ideas/${ID}`, edit);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { fields: { status: expect.any(String) } } });
  });

  it('never answers an anonymous author, an author key or a segment; shows the disclosure team', async () => {
    const { call } = await appWith('new', true);
    const answers = [
      await call(steering, 'POST', `/api/ideas/${ID}/status`, { status: 'under-review' }),
      await call(ambassador, 'POST', `/api/ideas/${ID}/merge`, { into: KEPT }),
      await call(employee, 'PATCH', `/api/ideas/${ID}`, { title: 'Vidéos courtes' }),
      await call(steering, 'GET', `/api/ideas/${ID}`),
      await call(steering, 'GET', '/api/ideas?status=new&q=video'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      const text = await answer.text();
      expect(text).not.toContain(employee.email);
      expect(text).not.toContain(`"${employee.name}"`);
      expect(text).not.toContain('hmac-of-ana');
      expect(text).not.toContain('segment');
    }
    const idea = (await (await call(steering, 'GET', `/api/ideas/${ID}`)).json()) as TIdea;
    expect(idea).toMatchObject({ author: null, team: 'Sales' });
  });

  it('stores the author key and frozen segment at submit, never answering them', async () => {
    const { call, dynamo } = await appWith();
    const answer = await call(employee, 'POST', '/api/ideas', {
      title: 'Un calendrier',
      description: '',
      category: 'feature',
      anonymous: true,
    });
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({ team: 'Sales', author: null });
    const stored = dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item;
    expect(stored).toMatchObject({
      authorKey: expect.any(String),
      segment: { team: 'Sales' },
      searchText: 'un calendrier',
    });
    expect(text).not.toContain(String(stored?.authorKey));
  });
});
