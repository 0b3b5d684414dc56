import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@boucle/functions/clients/dynamodb';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { ideaCommentKey } from '@boucle/functions/repositories/idea-comments';
import { ideaKey } from '@boucle/functions/repositories/ideas';
import type {
  TIdea,
  TIdeaComment,
  TIdeaCommentList,
  TMember,
  TModerationQueue,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

type TLocal = Awaited<ReturnType<typeof localApp>>;

async function everyPage<T>(
  read: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>,
) {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return all;
}

const commentsOf = (local: TLocal, member: TMember, ideaId: string) =>
  everyPage(async (cursor) => {
    const query = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const answer = await local.call(member, 'GET', `/api/ideas/${ideaId}/comments?limit=7${query}`);
    const page = (await answer.json()) as TIdeaCommentList;
    return { items: page.comments, next: page.nextCursor };
  });

const queueOf = (local: TLocal, moderator: TMember, state: string) =>
  everyPage(async (cursor) => {
    const query = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const answer = await local.call(
      moderator,
      'GET',
      `/api/idea-comments?state=${state}&limit=4${query}`,
    );
    const page = (await answer.json()) as TModerationQueue;
    return { items: page.comments, next: page.nextCursor };
  });

describe('idea comments on DynamoDB Local', () => {
  it('counts every one of 30 concurrent comments on one idea, and lists them all', async () => {
    const local = await localApp();
    const documents = createDocumentClient(local.client);
    const members = demoMembers(31);
    const [author, ...commenters] = members as [TMember, ...TMember[]];
    const submitted = await local.call(author, 'POST', '/api/ideas', {
      title: 'Shared calendar',
      description: '',
      category: 'feature',
      anonymous: false,
    });
    const { id } = (await submitted.json()) as TIdea;

    const posted = await Promise.all(
      commenters.map((member, index) =>
        local.call(member, 'POST', `/api/ideas/${id}/comments`, {
          text: `Comment ${index}`,
          anonymous: index % 3 === 0,
        }),
      ),
    );
    expect(posted.map((answer) => answer.status)).toEqual(posted.map(() => 201));
    const { Item } = await documents.send(
      new GetCommand({ TableName: local.tableName, Key: ideaKey(id) ?? {}, ConsistentRead: true }),
    );
    expect(Item?.comments).toBe(30);

    const listed = await commentsOf(local, author, id);
    expect(listed).toHaveLength(30);
    expect(new Set(listed.map((c) => c.id)).size).toBe(30);
    const times = listed.map((c) => c.id);
    expect(times).toEqual([...times].sort());
    expect(listed.filter((c) => c.author === null)).toHaveLength(10);
  });

  it('hides once, audited, whatever the number of moderators at once; the text stays', async () => {
    const local = await localApp();
    const documents = createDocumentClient(local.client);
    const [author, employee, amy, sam] = demoMembers(12) as [TMember, TMember, TMember, TMember];
    const ambassador: TMember = { ...amy, ambassador: true };
    const steering: TMember = { ...sam, role: 'steering' };
    const { id: ideaId } = (await (
      await local.call(author, 'POST', '/api/ideas', {
        title: 'Monthly animation',
        description: '',
        category: 'animation',
        anonymous: false,
      })
    ).json()) as TIdea;
    const post = (text: string, anonymous: boolean) => {
      // A minute apart, so that newest first is one order.
      local.clock.now = new Date(local.clock.now.getTime() + 60_000);
      return local.call(employee, 'POST', `/api/ideas/${ideaId}/comments`, { text, anonymous });
    };
    const kept = (await (await post('A good idea', false)).json()) as TIdeaComment;
    const abusive = (await (await post('Something abusive', true)).json()) as TIdeaComment;
    await post('Another one', false);

    const hides = await Promise.all(
      [ambassador, steering, ambassador, steering, ambassador].map((moderator, index) =>
        local.call(moderator, 'POST', `/api/comments/${abusive.id}/hide`, {
          reason: `Abusive (${index})`,
        }),
      ),
    );
    expect(hides.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409]);

    const { Items: audit = [] } = await documents.send(
      new QueryCommand({
        TableName: local.tableName,
        KeyConditionExpression: 'pk = :audit',
        ExpressionAttributeValues: { ':audit': 'IDEA-COMMENT-AUDIT' },
      }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'hide', commentId: abusive.id, ideaId });
    const { Item } = await documents.send(
      new GetCommand({ TableName: local.tableName, Key: ideaCommentKey(abusive.id) ?? {} }),
    );
    expect(Item).toMatchObject({ text: 'Something abusive', hidden: { reason: audit[0]?.reason } });

    // Members, the author included, see the reason and neither the text nor who wrote it.
    for (const member of [employee, author, steering]) {
      const listed = await commentsOf(local, member, ideaId);
      const shown = listed.find((c) => c.id === abusive.id);
      expect(shown).toMatchObject({
        text: null,
        author: null,
        hidden: { reason: audit[0]?.reason },
      });
      expect(JSON.stringify(listed)).not.toContain('Something abusive');
    }

    // The queue: visible ones newest first, the hidden one with its audit, "all" both, paged.
    const visible = await queueOf(local, ambassador, 'visible');
    expect(visible.map((c) => c.text)).toEqual(['Another one', 'A good idea']);
    const hidden = await queueOf(local, steering, 'hidden');
    expect(hidden).toEqual([
      expect.objectContaining({
        id: abusive.id,
        text: 'Something abusive',
        author: null,
        hidden: expect.objectContaining({ reason: audit[0]?.reason }),
      }),
    ]);
    const all = await queueOf(local, steering, 'all');
    expect(all.map((c) => c.text)).toEqual(['Another one', 'Something abusive', 'A good idea']);
    expect(JSON.stringify(all)).not.toContain(employee.email);
    expect(kept.author).toEqual({ name: employee.name });
  });
});
