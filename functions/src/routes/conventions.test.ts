import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TConvention, TConventionList } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { conventionKey, type TStoredConvention } from '../repositories/conventions.js';
import { ideaKey } from '../repositories/ideas.js';
import { defaultItems, employee, mockedApp, NOW, steering } from '../testing/mocked-app.js';

const IDEA = '000005-mhq1x2y3z0abc123';
const ID = 'mhq1x2y3z0abcdef';

const stored: TStoredConvention = {
  id: ID,
  title: 'Reply in the thread',
  text: 'Not by e-mail.',
  version: 2,
  adoptedIn: { id: 3, name: 'Iteration 3' },
  idea: null,
  revisions: [
    { revision: 1, at: '2026-09-01T09:00:00.000Z', title: 'Reply in threads', text: 'First.' },
    {
      revision: 2,
      at: '2026-10-01T09:00:00.000Z',
      title: 'Reply in the thread',
      text: 'Not by e-mail.',
    },
  ],
};

const idea = (category: string) => ({
  ...ideaKey(IDEA),
  id: IDEA,
  iterationId: 5,
  title: 'One community per project',
  description: 'Named after the project',
  category,
  anonymous: true,
  authorEmail: employee.email,
  authorName: employee.name,
  votes: 4,
  createdAt: '2026-11-18T09:00:00.000Z',
});

async function appWith(category = 'usage-convention') {
  const mocked = await mockedApp([
    ...defaultItems(),
    idea(category),
    { ...conventionKey(ID), ...stored },
  ]);
  mocked.dynamo.on(QueryCommand).resolves({ Items: [{ ...conventionKey(ID), ...stored }] });
  mocked.dynamo.on(PutCommand).resolves({});
  return mocked;
}

const input = { title: 'One community per project', text: 'Named after it.', iterationId: 5 };

describe('conventions routes', () => {
  it('shows every member the register, the current revision first', async () => {
    const { call } = await appWith();
    const answer = await call(employee, 'GET', '/api/conventions');
    expect(answer.status).toBe(200);
    const { conventions } = (await answer.json()) as TConventionList;
    expect(conventions).toHaveLength(1);
    expect(conventions[0]).toMatchObject({
      title: 'Reply in the thread',
      version: 2,
      adoptedIn: { id: 3, name: 'Iteration 3' },
      idea: null,
    });
    expect(conventions[0]?.revisions.map((revision) => revision.revision)).toEqual([2, 1]);
  });

  it('adopts a convention from a usage-convention idea, 201, never the idea’s author', async () => {
    const { call, dynamo } = await appWith();
    const answer = await call(steering, 'POST', '/api/conventions', { ...input, ideaId: IDEA });
    expect(answer.status).toBe(201);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({
      title: input.title,
      version: 1,
      adoptedIn: { id: 5, name: 'Iteration 5' },
      idea: { id: IDEA, title: 'One community per project' },
      revisions: [{ revision: 1, at: NOW.toISOString(), text: input.text }],
    });
    expect(text).not.toContain(employee.email);
    expect(text).not.toContain(employee.name);
    const put = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put?.Item).not.toHaveProperty('authorEmail');
  });

  it('refuses bad input naming the field: unknown idea, other category, iteration, lengths', async () => {
    const { call } = await appWith('feature');
    const cases: [unknown, string][] = [
      [{ ...input, ideaId: '000005-mhq1x2y3z0zzzzzz' }, 'ideaId'],
      [{ ...input, ideaId: IDEA }, 'ideaId'],
      [{ ...input, ideaId: 'nope' }, 'ideaId'],
      [{ ...input, iterationId: 42 }, 'iterationId'],
      [{ ...input, title: 'x'.repeat(121) }, 'title'],
      [{ ...input, text: 'x'.repeat(2001) }, 'text'],
      [{ ...input, text: '  ' }, 'text'],
    ];
    for (const [body, field] of cases) {
      const answer = await call(steering, 'POST', '/api/conventions', body);
      expect(answer.status, field).toBe(400);
      expect(await answer.json()).toMatchObject({
        error: { code: 'invalid_input', fields: { [field]: expect.any(String) } },
      });
    }
  });

  it('keeps adopting and revising for the steering group', async () => {
    const { call } = await appWith();
    expect((await call(employee, 'POST', '/api/conventions', input)).status).toBe(403);
    const revise = { title: 'x', text: 'y', version: 2 };
    expect((await call(employee, 'PUT', `/api/conventions/${ID}`, revise)).status).toBe(403);
    expect((await call(null, 'GET', '/api/conventions')).status).toBe(401);
  });

  it('revises from the current version, keeping the older text; a stale one is a 409', async () => {
    const { call, dynamo } = await appWith();
    const revised: TStoredConvention = {
      ...stored,
      title: 'Reply in the thread, always',
      version: 3,
      revisions: [
        ...stored.revisions,
        { revision: 3, at: NOW.toISOString(), title: 'Reply in the thread, always', text: 'Z' },
      ],
    };
    dynamo.on(UpdateCommand).resolves({ Attributes: { ...conventionKey(ID), ...revised } });
    const body = { title: 'Reply in the thread, always', text: 'Z', version: 2 };
    const answer = await call(steering, 'PUT', `/api/conventions/${ID}`, body);
    expect(answer.status).toBe(200);
    const convention = (await answer.json()) as TConvention;
    expect(convention.revisions.map((revision) => revision.title)).toEqual([
      'Reply in the thread, always',
      'Reply in the thread',
      'Reply in threads',
    ]);
    const update = dynamo.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(update?.ConditionExpression).toContain('version = :from');
    expect(update?.ExpressionAttributeValues?.[':from']).toBe(2);

    const stale = await call(steering, 'PUT', `/api/conventions/${ID}`, { ...body, version: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'convention_changed' } });

    // Someone revised between the read and the write: the condition refuses it, still a 409.
    dynamo
      .on(UpdateCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    const raced = await call(steering, 'PUT', `/api/conventions/${ID}`, body);
    expect(raced.status).toBe(409);
  });

  it('answers 404 for an unknown convention and 400 naming a bad id or version', async () => {
    const { call } = await appWith();
    const body = { title: 'x', text: 'y', version: 1 };
    expect((await call(steering, 'PUT', '/api/conventions/abcdefgh1234', body)).status).toBe(404);
    const badId = await call(steering, 'PUT', '/api/conventions/NOT_AN_ID', body);
    expect(await badId.json()).toMatchObject({ error: { fields: { id: expect.any(String) } } });
    const badVersion = await call(steering, 'PUT', `/api/conventions/${ID}`, {
      ...body,
      version: 0,
    });
    expect(await badVersion.json()).toMatchObject({
      error: { fields: { version: expect.any(String) } },
    });
  });
});
