import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  queuePositionOf,
  type TIdeaComment,
  type TIdeaCommentList,
  type TMember,
  type TModeratedComment,
  type TModerationQueue,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { ideaCommentKey, type TStoredIdeaComment } from '../repositories/idea-comments.js';
import { ideaKey } from '../repositories/ideas.js';
import { voterKeyOf } from '../services/receipt-key.js';
import {
  defaultItems,
  employee,
  frozenSegments,
  mockedApp,
  steering,
} from '../testing/mocked-app.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const IDEA = '000005-mhq1x2y3z0abc123';
const ambassador: TMember = {
  ...employee,
  email: 'amy@example.com',
  name: 'Amy',
  ambassador: true,
};
/** Ana (the employee) wrote these; the anonymous one must never lead back to her. */
const ANONYMOUS = `${IDEA}_mhq1x2y3z00000001`;
const NAMED = `${IDEA}_mhq1x2y3z00000002`;
const HIDDEN = `${IDEA}_mhq1x2y3z00000003`;

function storedComment(
  id: string,
  minute: number,
  { anonymous = false, hidden = false } = {},
): Record<string, unknown> {
  const comment: TStoredIdeaComment = {
    id,
    ideaId: IDEA,
    text: `Text of ${id}`,
    anonymous,
    authorEmail: employee.email,
    authorName: employee.name,
    createdAt: `2026-11-20T09:0${minute}:00.000Z`,
    hidden: hidden
      ? { reason: 'Insults a colleague', at: '2026-11-20T09:30:00.000Z', byName: 'Amy' }
      : null,
    authorKey: voterKeyOf(SECRET, employee.email),
    segment: frozenSegments.get(employee.email) ?? {
      team: '',
      site: '',
      trainingLevel: '',
      ambassador: 'no',
    },
    segmentIterationId: 5,
  };
  const queue = hidden ? 'IDEA-COMMENT-QUEUE#hidden' : 'IDEA-COMMENT-QUEUE#visible';
  const { hidden: stored, ...visible } = comment;
  return {
    ...ideaCommentKey(id),
    queuePk: queue,
    queueSk: queuePositionOf(comment),
    ...(hidden ? comment : visible),
    ...(hidden ? { hidden: { ...stored, byEmail: ambassador.email } } : {}),
  };
}

const idea = {
  ...ideaKey(IDEA),
  id: IDEA,
  iterationId: 5,
  title: 'A shared calendar',
  description: '',
  category: 'feature',
  anonymous: false,
  authorEmail: steering.email,
  authorName: steering.name,
  votes: 0,
  comments: 3,
  createdAt: '2026-11-20T08:00:00.000Z',
};

const comments = [
  storedComment(ANONYMOUS, 1, { anonymous: true }),
  storedComment(NAMED, 2),
  storedComment(HIDDEN, 3, { anonymous: true, hidden: true }),
];

/** Queries answered as DynamoDB would from these comments: by idea, or by the moderation index. */
async function appWithComments() {
  const mocked = await mockedApp([...defaultItems(), idea, ...comments]);
  mocked.dynamo.on(QueryCommand).callsFake(async (input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const limit = input.Limit ?? 100;
    if (input.IndexName === 'moderation') {
      const found = comments
        .filter((c) => c.queuePk === values[':queue'])
        .filter((c) => values[':before'] === undefined || String(c.queueSk) < values[':before'])
        .sort((a, b) => (String(a.queueSk) < String(b.queueSk) ? 1 : -1));
      return { Items: found.slice(0, limit) };
    }
    const found = comments
      .filter((c) => c.pk === values[':partition'] && String(c.sk) > values[':after'])
      .sort((a, b) => (String(a.sk) < String(b.sk) ? -1 : 1));
    return { Items: found.slice(0, limit) };
  });
  return mocked;
}

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('idea comments routes', () => {
  it('comments in one transaction: the conditional comment and the idea’s count', async () => {
    const { call, dynamo } = await appWithComments();
    dynamo.on(TransactWriteCommand).resolves({});
    const answer = await call(employee, 'POST', `/api/ideas/${IDEA}/comments`, {
      text: '  Yes, per team please  ',
      anonymous: false,
    });
    expect(answer.status).toBe(201);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({
      text: 'Yes, per team please',
      author: { name: 'Ana' },
      mine: true,
      hidden: null,
    });
    expect(text).not.toContain(employee.email);
    const [put, count] =
      dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(put?.Put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put?.Put?.Item).toMatchObject({
      pk: `IDEA-COMMENTS#${IDEA}`,
      queuePk: 'IDEA-COMMENT-QUEUE#visible',
      authorEmail: employee.email,
      authorKey: voterKeyOf(SECRET, employee.email),
      // The segment frozen at opening (training level pooled), not the directory's.
      segment: { ...frozenSegments.get(employee.email) },
      segmentIterationId: 5,
    });
    expect(put?.Put?.Item).not.toHaveProperty('hidden');
    expect(String(put?.Put?.Item?.id).startsWith(`${IDEA}_`)).toBe(true);
    expect(count?.Update).toMatchObject({
      Key: ideaKey(IDEA),
      UpdateExpression: 'ADD comments :one',
      ConditionExpression: 'attribute_exists(pk)',
    });
  });

  it('retries a comment that collided with another on the same idea', async () => {
    const { call, dynamo } = await appWithComments();
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['None', 'TransactionConflict']))
      .resolves({});
    const body = { text: 'Me too', anonymous: true };
    expect((await call(employee, 'POST', `/api/ideas/${IDEA}/comments`, body)).status).toBe(201);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('lists an idea’s comments oldest first, a hidden one without text or author', async () => {
    const { call } = await appWithComments();
    for (const member of [employee, steering, ambassador]) {
      const list = (await (
        await call(member, 'GET', `/api/ideas/${IDEA}/comments`)
      ).json()) as TIdeaCommentList;
      expect(list.comments.map((c) => c.id)).toEqual([ANONYMOUS, NAMED, HIDDEN]);
      const hidden = list.comments[2] as TIdeaComment;
      expect(hidden).toMatchObject({
        text: null,
        author: null,
        hidden: { reason: 'Insults a colleague' },
      });
      expect(hidden.mine).toBe(member === employee);
      expect(JSON.stringify(list)).not.toContain(`Text of ${HIDDEN}`);
    }
  });

  it('pages with the last comment id as cursor', async () => {
    const { call } = await appWithComments();
    const first = (await (
      await call(employee, 'GET', `/api/ideas/${IDEA}/comments?limit=2`)
    ).json()) as TIdeaCommentList;
    expect(first.comments.map((c) => c.id)).toEqual([ANONYMOUS, NAMED]);
    expect(first.nextCursor).toBe(NAMED);
    const second = (await (
      await call(employee, 'GET', `/api/ideas/${IDEA}/comments?limit=2&cursor=${NAMED}`)
    ).json()) as TIdeaCommentList;
    expect(second).toEqual({
      comments: [expect.objectContaining({ id: HIDDEN })],
      nextCursor: null,
    });
  });

  it('hides with a reason: the comment and its audit entry in one transaction', async () => {
    const { call, dynamo } = await appWithComments();
    dynamo.on(TransactWriteCommand).resolves({});
    const answer = await call(ambassador, 'POST', `/api/comments/${NAMED}/hide`, {
      reason: '  Off topic  ',
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      id: NAMED,
      text: `Text of ${NAMED}`,
      hidden: { reason: 'Off topic', at: '2026-11-20T10:00:00.000Z', by: { name: 'Amy' } },
    });
    const [hide, audit] =
      dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(hide?.Update).toMatchObject({
      Key: ideaCommentKey(NAMED),
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#hidden)',
    });
    expect(hide?.Update?.UpdateExpression).not.toContain('text');
    expect(hide?.Update?.ExpressionAttributeValues?.[':queue']).toBe('IDEA-COMMENT-QUEUE#hidden');
    expect(audit?.Put?.Item).toMatchObject({
      pk: 'IDEA-COMMENT-AUDIT',
      action: 'hide',
      commentId: NAMED,
      reason: 'Off topic',
      byEmail: ambassador.email,
      at: '2026-11-20T10:00:00.000Z',
    });
  });

  it('answers 409 to hiding a hidden comment, also when another moderator was first', async () => {
    const { call, dynamo } = await appWithComments();
    const reason = { reason: 'Again' };
    const twice = await call(steering, 'POST', `/api/comments/${HIDDEN}/hide`, reason);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'comment_already_hidden' } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));
    expect((await call(steering, 'POST', `/api/comments/${NAMED}/hide`, reason)).status).toBe(409);
  });

  it('answers 404 to an unknown idea or comment', async () => {
    const { call, dynamo } = await appWithComments();
    dynamo.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']));
    const unknown = '000005-zzzzzzzzzzzzzzzz';
    const body = { text: 'Hello', anonymous: false };
    expect((await call(employee, 'POST', `/api/ideas/${unknown}/comments`, body)).status).toBe(404);
    expect((await call(employee, 'GET', `/api/ideas/${unknown}/comments`)).status).toBe(404);
    const gone = `${unknown}_mhq1x2y3z00000009`;
    expect(
      (await call(steering, 'POST', `/api/comments/${gone}/hide`, { reason: 'Spam' })).status,
    ).toBe(404);
  });

  it('refuses bad input naming the field', async () => {
    const { call } = await appWithComments();
    const post = (body: unknown) => call(employee, 'POST', `/api/ideas/${IDEA}/comments`, body);
    const cases: [Promise<Response>, string][] = [
      [post({ text: '   ', anonymous: false }), 'text'],
      [post({ text: 'x'.repeat(1001), anonymous: false }), 'text'],
      [post({ text: 'Hi' }), 'anonymous'],
      [call(employee, 'GET', '/api/ideas/nope/comments'), 'id'],
      [
        call(
          employee,
          'GET',
          `/api/ideas/${IDEA}/comments?cursor=000005-zzzzzzzzzzzzzzzz_mhq1x2y3z00000009`,
        ),
        'cursor',
      ],
      [call(employee, 'GET', `/api/ideas/${IDEA}/comments?limit=51`), 'limit'],
      [call(steering, 'POST', `/api/comments/${NAMED}/hide`, { reason: 'no' }), 'reason'],
      [call(steering, 'POST', '/api/comments/nope/hide', { reason: 'Spam' }), 'id'],
      [call(steering, 'GET', '/api/idea-comments?state=deleted'), 'state'],
      [call(steering, 'GET', '/api/idea-comments?cursor=garbage'), 'cursor'],
    ];
    for (const [answer, field] of cases) {
      const refused = await answer;
      expect(refused.status, field).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { fields: { [field]: expect.any(String) } },
      });
    }
  });

  it('keeps hiding and the queue for ambassadors and steering', async () => {
    const { call, dynamo } = await appWithComments();
    dynamo.on(TransactWriteCommand).resolves({});
    const hide = `/api/comments/${NAMED}/hide`;
    for (const [method, path] of [
      ['GET', `/api/ideas/${IDEA}/comments`],
      ['POST', `/api/ideas/${IDEA}/comments`],
      ['POST', hide],
      ['GET', '/api/idea-comments'],
    ] as const) {
      const body = method === 'POST' ? { text: 'Hi', anonymous: false } : undefined;
      expect((await call(null, method, path, body)).status).toBe(401);
    }
    expect((await call(employee, 'POST', hide, { reason: 'Spam' })).status).toBe(403);
    expect((await call(employee, 'GET', '/api/idea-comments')).status).toBe(403);
    for (const moderator of [ambassador, steering]) {
      expect((await call(moderator, 'GET', '/api/idea-comments')).status).toBe(200);
      expect((await call(moderator, 'POST', hide, { reason: 'Spam' })).status).toBe(200);
    }
  });

  it('queues newest first, by state, "all" merged at one cursor', async () => {
    const { call } = await appWithComments();
    const queue = async (query: string) =>
      (await (
        await call(steering, 'GET', `/api/idea-comments${query}`)
      ).json()) as TModerationQueue;
    expect((await queue('')).comments.map((c) => c.id)).toEqual([NAMED, ANONYMOUS]);
    const hidden = await queue('?state=hidden');
    expect(hidden.comments).toEqual([
      expect.objectContaining({
        id: HIDDEN,
        text: `Text of ${HIDDEN}`,
        hidden: {
          reason: 'Insults a colleague',
          at: '2026-11-20T09:30:00.000Z',
          by: { name: 'Amy' },
        },
      }),
    ]);
    const first = await queue('?state=all&limit=2');
    expect(first.comments.map((c) => c.id)).toEqual([HIDDEN, NAMED]);
    const rest = await queue(
      `?state=all&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(rest).toEqual({
      comments: [expect.objectContaining({ id: ANONYMOUS })],
      nextCursor: null,
    });
  });

  it('never answers an anonymous author, on any route, to anyone', async () => {
    const { call, dynamo } = await appWithComments();
    dynamo.on(TransactWriteCommand).resolves({});
    const answers = [
      await call(employee, 'POST', `/api/ideas/${IDEA}/comments`, { text: 'Hi', anonymous: true }),
      await call(employee, 'GET', `/api/ideas/${IDEA}/comments?limit=1`),
      await call(steering, 'GET', `/api/ideas/${IDEA}/comments?limit=1`),
      await call(ambassador, 'POST', `/api/comments/${ANONYMOUS}/hide`, { reason: 'Spam' }),
      await call(steering, 'GET', '/api/idea-comments?state=hidden'),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      const text = await answer.text();
      expect(text).not.toContain(employee.email);
      expect(text).not.toContain(`"${employee.name}"`);
      expect(text).toContain('"author":null');
    }
    // Where named comments sit beside anonymous ones, the names shown are the named ones only.
    for (const member of [steering, ambassador]) {
      const all = await call(member, 'GET', '/api/idea-comments?state=all');
      const listed = (await all.json()) as TModerationQueue;
      const anonymous = listed.comments.filter((c: TModeratedComment) => c.id !== NAMED);
      expect(JSON.stringify(anonymous)).not.toContain(employee.name);
      expect(JSON.stringify(listed)).not.toContain(employee.email);
    }
  });
});
