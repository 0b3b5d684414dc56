import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '@boucle/functions/local/create-table';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import type { TIdea, TIdeaList, TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

const idea = (title: string) => ({
  title,
  description: 'Why it would help',
  category: 'feature',
  anonymous: false,
});

describe('ideas and votes on DynamoDB Local', () => {
  it('counts one vote per member under concurrent clicks and bursts, and sorts by votes', async () => {
    const local = await localApp();
    const members = demoMembers(41);
    const [author, ...voters] = members as [TMember, ...TMember[]];
    const submitted = await local.call(author, 'POST', '/api/ideas', idea('Shared calendar'));
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as TIdea;

    // One member clicking 50 times at once: one vote.
    const clicks = await Promise.all(
      Array.from({ length: 50 }, () => local.call(author, 'PUT', `/api/ideas/${id}/vote`)),
    );
    expect(clicks.map((answer) => answer.status)).toEqual(clicks.map(() => 200));
    const once = (await (await local.call(author, 'GET', `/api/ideas/${id}`)).json()) as TIdea;
    expect(once).toMatchObject({ votes: 1, voted: true, mine: true });

    // 40 other members at once on the same idea: 40 more, none refused.
    const burst = await Promise.all(
      voters.map((voter) => local.call(voter, 'PUT', `/api/ideas/${id}/vote`)),
    );
    expect(burst.map((answer) => answer.status)).toEqual(burst.map(() => 200));
    const all = (await (await local.call(author, 'GET', `/api/ideas/${id}`)).json()) as TIdea;
    expect(all.votes).toBe(41);

    // Taking a vote back, twice: one vote less.
    const voter = voters[0] as TMember;
    const [first, again] = [
      await local.call(voter, 'DELETE', `/api/ideas/${id}/vote`),
      await local.call(voter, 'DELETE', `/api/ideas/${id}/vote`),
    ];
    expect(first.status).toBe(200);
    expect(await again.json()).toMatchObject({ votes: 40, voted: false });
    await local.call(author, 'DELETE', `/api/ideas/${id}/vote`);
    const after = (await (await local.call(voter, 'GET', `/api/ideas/${id}`)).json()) as TIdea;
    expect(after).toMatchObject({ votes: 39, voted: false, mine: false });

    // Two more ideas with 2 and 5 votes: the top list follows votes, a page at a time.
    const more: string[] = [];
    for (const [title, votes] of [
      ['Training for managers', 2],
      ['A monthly animation', 5],
    ] as const) {
      const created = (await (
        await local.call(author, 'POST', '/api/ideas', idea(title))
      ).json()) as TIdea;
      more.push(created.id);
      await Promise.all(
        voters.slice(0, votes).map((v) => local.call(v, 'PUT', `/api/ideas/${created.id}/vote`)),
      );
    }
    const firstPage = (await (
      await local.call(voter, 'GET', '/api/ideas?sort=top&limit=2')
    ).json()) as TIdeaList;
    expect(firstPage.ideas.map((i) => [i.title, i.votes])).toEqual([
      ['Shared calendar', 39],
      ['A monthly animation', 5],
    ]);
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = (await (
      await local.call(
        voter,
        'GET',
        `/api/ideas?sort=top&limit=2&cursor=${firstPage.nextCursor ?? ''}`,
      )
    ).json()) as TIdeaList;
    expect(secondPage.ideas.map((i) => [i.title, i.votes])).toEqual([['Training for managers', 2]]);
    // The voter voted for the last two (among the first 2 and 5) but took back the first.
    expect(secondPage.ideas[0]?.voted).toBe(true);
    expect(firstPage.ideas.map((i) => i.voted)).toEqual([false, true]);

    const newest = (await (
      await local.call(voter, 'GET', '/api/ideas?sort=new')
    ).json()) as TIdeaList;
    expect(newest.ideas).toHaveLength(3);
    expect(newest.ideas.map((i) => i.id).sort()).toEqual([id, ...more].sort());
  });

  it('gives a local table made before ideas its top index', async () => {
    const { client } = await localApp();
    const TableName = `boucle-old-${randomUUID()}`;
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
      }),
    );
    await ensureTable(client, TableName);
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    const indexes = Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName);
    expect(indexes?.sort()).toEqual(['moderation', 'top']);
  });
});
