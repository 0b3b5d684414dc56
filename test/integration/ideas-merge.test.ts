import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import type { TIdea, TIdeaList, TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

const members = demoMembers(80);
/** demoMembers starts with the steering group. */
const steering = members[0] as TMember;
const others = members.filter((member) => member.role !== 'steering');

type TLocal = Awaited<ReturnType<typeof localApp>>;

async function submit(local: TLocal, author: TMember, title: string): Promise<TIdea> {
  const answer = await local.call(author, 'POST', '/api/ideas', {
    title,
    description: `About ${title}`,
    category: 'training',
    anonymous: false,
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as TIdea;
}

async function voteAll(local: TLocal, id: string, voters: readonly TMember[]) {
  const answers = await Promise.all(
    voters.map((voter) => local.call(voter, 'PUT', `/api/ideas/${id}/vote`)),
  );
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
}

const read = async (local: TLocal, id: string, who: TMember = steering) =>
  (await (await local.call(who, 'GET', `/api/ideas/${id}`)).json()) as TIdea;

/** The vote items on an idea, straight from the table. */
async function voteItems(local: TLocal, id: string): Promise<number> {
  const { Count = 0 } = await local.client.send(
    new QueryCommand({
      TableName: local.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `VOTE#${id}` },
      ConsistentRead: true,
    }),
  );
  return Count;
}

describe('merging ideas on DynamoDB Local', () => {
  it('counts each member once on the kept idea when voters overlap, and again is harmless', async () => {
    const local = await localApp();
    const author = others[0] as TMember;
    const merged = await submit(local, author, 'Formation à Nantes');
    const kept = await submit(local, author, 'Des formations à Nantes');
    await voteAll(local, merged.id, others.slice(0, 20));
    await voteAll(local, kept.id, others.slice(10, 30));

    const answer = await local.call(steering, 'POST', `/api/ideas/${merged.id}/merge`, {
      into: kept.id,
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'duplicate', duplicateOf: kept.id });
    // |A ∪ B| = 30 members.
    expect(await read(local, kept.id)).toMatchObject({ votes: 30, mergedFrom: [merged.id] });
    expect(await voteItems(local, kept.id)).toBe(30);

    const again = await local.call(steering, 'POST', `/api/ideas/${merged.id}/merge`, {
      into: kept.id,
    });
    expect(again.status).toBe(200);
    expect(await read(local, kept.id)).toMatchObject({ votes: 30, mergedFrom: [merged.id] });

    // A vote on the duplicate counts on the kept idea; so does taking it back.
    const late = others[40] as TMember;
    await local.call(late, 'PUT', `/api/ideas/${merged.id}/vote`);
    expect(await read(local, kept.id, late)).toMatchObject({ votes: 31, voted: true });
    expect(await read(local, merged.id, late)).toMatchObject({ votes: 20, voted: true });
    await local.call(others[0] as TMember, 'DELETE', `/api/ideas/${merged.id}/vote`);
    expect((await read(local, kept.id)).votes).toBe(30);

    // Hidden from the board, listed with status=duplicate.
    const board = (await (await local.call(author, 'GET', '/api/ideas')).json()) as TIdeaList;
    expect(board.ideas.map((idea) => idea.id)).toEqual([kept.id]);
    const duplicates = (await (
      await local.call(author, 'GET', '/api/ideas?status=duplicate')
    ).json()) as TIdeaList;
    expect(duplicates.ideas.map((idea) => idea.id)).toEqual([merged.id]);

    // Refusals name `into`.
    const third = await submit(local, author, 'Autre idée');
    for (const [into, status] of [
      [third.id, 400],
      [merged.id, 409],
      ['000000-zzzzzzzzzzzz', 404],
    ] as const) {
      const refused = await local.call(steering, 'POST', `/api/ideas/${third.id}/merge`, { into });
      expect(refused.status, into).toBe(status);
      expect(await refused.json()).toMatchObject({
        error: { fields: { into: expect.any(String) } },
      });
    }
  });

  it('loses no vote arriving while the merge runs', async () => {
    const local = await localApp();
    const author = others[0] as TMember;
    const merged = await submit(local, author, 'Tutoriels vidéo');
    const kept = await submit(local, author, 'Vidéos tutoriels');
    await voteAll(local, merged.id, others.slice(0, 25));
    const [answer] = await Promise.all([
      local.call(steering, 'POST', `/api/ideas/${merged.id}/merge`, { into: kept.id }),
      voteAll(local, merged.id, others.slice(25, 50)),
    ]);
    expect(answer?.status).toBe(200);
    const items = await voteItems(local, kept.id);
    expect((await read(local, kept.id)).votes).toBe(items);
    expect(items).toBe(50);
  });

  it('finishes moving votes when asked again after a merge stopped half way', async () => {
    const local = await localApp();
    const author = others[0] as TMember;
    const merged = await submit(local, author, 'Communauté RH');
    const kept = await submit(local, author, 'Une communauté pour les RH');
    await voteAll(local, merged.id, others.slice(0, 12));
    // The crash: the idea is flipped, no vote moved yet.
    const stored = await local.deps.ideas.get(merged.id);
    if (!stored) throw new Error('no idea');
    await local.deps.ideas.markMerged(stored, kept.id, 0, new Date());
    expect((await read(local, kept.id)).votes).toBe(0);
    const answer = await local.call(steering, 'POST', `/api/ideas/${merged.id}/merge`, {
      into: kept.id,
    });
    expect(answer.status).toBe(200);
    expect((await read(local, kept.id)).votes).toBe(12);
  });
});

describe('triage on DynamoDB Local', () => {
  it('takes one of two concurrent status changes, refuses the other, keeps the history', async () => {
    const local = await localApp();
    const idea = await submit(local, others[0] as TMember, 'Calendrier partagé');
    const answers = await Promise.all([
      local.call(steering, 'POST', `/api/ideas/${idea.id}/status`, { status: 'under-review' }),
      local.call(steering, 'POST', `/api/ideas/${idea.id}/status`, {
        status: 'declined',
        reason: 'Already in the product',
      }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const after = await read(local, idea.id);
    expect(after.history.map((entry) => entry.status)).toEqual(['new', after.status]);

    const planned = await local.call(steering, 'POST', `/api/ideas/${idea.id}/status`, {
      status: after.status === 'declined' ? 'under-review' : 'planned',
      plannedFor: 1,
    });
    expect(planned.status).toBe(200);
  });

  it('filters by category, words and status, and lets only the author edit while open', async () => {
    const local = await localApp();
    const author = others[0] as TMember;
    const idea = await submit(local, author, 'Vidéos pour débuter');
    await submit(local, author, 'Formation à Nantes');
    const search = (await (
      await local.call(author, 'GET', '/api/ideas?q=VIDEO%20debut')
    ).json()) as TIdeaList;
    expect(search.ideas.map((found) => found.id)).toEqual([idea.id]);
    const similar = (await (
      await local.call(
        author,
        'GET',
        `/api/ideas?similar=${encodeURIComponent('tutoriel vidéo débuter')}`,
      )
    ).json()) as TIdeaList;
    expect(similar.ideas.map((found) => found.id)).toEqual([idea.id]);

    const other = others[1] as TMember;
    const refused = await local.call(other, 'PATCH', `/api/ideas/${idea.id}`, {
      title: 'Mine now',
    });
    expect(refused.status).toBe(403);
    const edited = await local.call(author, 'PATCH', `/api/ideas/${idea.id}`, {
      title: 'Vidéos courtes',
    });
    expect(await edited.json()).toMatchObject({
      title: 'Vidéos courtes',
      description: idea.description,
    });
    const found = (await (
      await local.call(author, 'GET', '/api/ideas?q=courtes')
    ).json()) as TIdeaList;
    expect(found.ideas).toHaveLength(1);

    await local.call(steering, 'POST', `/api/ideas/${idea.id}/status`, { status: 'under-review' });
    await local.call(steering, 'POST', `/api/ideas/${idea.id}/status`, {
      status: 'planned',
      plannedFor: 0,
    });
    const late = await local.call(author, 'PATCH', `/api/ideas/${idea.id}`, { title: 'Too late' });
    expect(late.status).toBe(409);
    const planned = (await (
      await local.call(author, 'GET', '/api/ideas?status=planned&category=training')
    ).json()) as TIdeaList;
    expect(planned.ideas.map((p) => [p.id, p.plannedFor])).toEqual([[idea.id, 0]]);
  });
});
