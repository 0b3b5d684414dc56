import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@boucle/functions/clients/dynamodb';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { rosterChunks, seededRandom, ZRosterImport, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { openFirstIteration } from './open-iteration.js';
import { stagedImport } from './staged-import.js';

const roster = demoMembers(3000);
const steering = roster.find((member) => member.role === 'steering') as TMember;

async function started(local: Awaited<ReturnType<typeof localApp>>, members: number) {
  const response = await local.call(steering, 'POST', '/api/roster/imports', { members });
  expect(response.status).toBe(201);
  return ZRosterImport.parse(await response.json());
}

describe('a staged roster import on DynamoDB Local', () => {
  it('imports 3,000 members in 3 chunks; the directory changes only when it completes', async () => {
    const local = await localApp();
    await local.deps.directory.replace(roster.slice(0, 10), new Date());
    const job = await started(local, roster.length);
    expect(job).toMatchObject({ chunks: 3, chunkSize: 1000, chunksReceived: 0 });
    const chunks = rosterChunks(roster);
    for (const [index, chunk] of chunks.entries()) {
      const path = `/api/roster/imports/${job.id}/chunks/${index + 1}`;
      expect((await local.call(steering, 'PUT', path, { members: chunk })).status).toBe(200);
      // A chunk sent again (a lost answer, retried) is not counted twice.
      const again = await local.call(steering, 'PUT', path, { members: chunk });
      expect(await again.json()).toMatchObject({ chunksReceived: index + 1 });
    }
    expect((await local.deps.directory.headcount()).total).toBe(10);
    const progress = await local.call(steering, 'GET', `/api/roster/imports/${job.id}`);
    expect(await progress.json()).toMatchObject({ state: 'staging', chunksReceived: 3 });

    const complete = await local.call(steering, 'POST', `/api/roster/imports/${job.id}/complete`);
    expect(complete.status).toBe(200);
    expect(await complete.json()).toMatchObject({ state: 'completed', members: 3000 });
    expect((await local.deps.directory.headcount()).total).toBe(3000);
    expect(await local.deps.directory.members()).toHaveLength(3000);
    const someone = roster[1234] as TMember;
    expect(await local.deps.directory.memberByEmail(someone.email)).toEqual(someone);
    local.client.destroy();
  });

  it('refuses to complete with a chunk missing, and the directory stays as it was', async () => {
    const local = await localApp();
    await local.deps.directory.replace(roster.slice(0, 10), new Date());
    const job = await started(local, roster.length);
    const [first, , third] = rosterChunks(roster);
    await local.call(steering, 'PUT', `/api/roster/imports/${job.id}/chunks/1`, { members: first });
    await local.call(steering, 'PUT', `/api/roster/imports/${job.id}/chunks/3`, { members: third });
    const refused = await local.call(steering, 'POST', `/api/roster/imports/${job.id}/complete`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'roster_import_conflict', fields: { chunks: 'missing 2' } },
    });
    expect((await local.deps.directory.headcount()).total).toBe(10);
    local.client.destroy();
  });

  it('completed twice at once: one wins, the other is refused 409', async () => {
    const local = await localApp();
    const members = roster.slice(0, 1500);
    const job = await started(local, members.length);
    for (const [index, chunk] of rosterChunks(members).entries()) {
      await local.call(steering, 'PUT', `/api/roster/imports/${job.id}/chunks/${index + 1}`, {
        members: chunk,
      });
    }
    const path = `/api/roster/imports/${job.id}/complete`;
    const answers = await Promise.all([
      local.call(steering, 'POST', path),
      local.call(steering, 'POST', path),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect((await local.deps.directory.headcount()).total).toBe(1500);
    local.client.destroy();
  });

  it('asks to confirm a shrink at completion, then forgets the leavers’ frozen segments', async () => {
    const local = await localApp();
    const send = (method: string, path: string, body?: unknown) =>
      local.call(steering, method, path, body);
    await stagedImport(send, roster.slice(0, 100));
    await openFirstIteration(local.deps, 'Roster');
    const kept = roster.slice(0, 50);
    await expect(stagedImport(send, kept)).rejects.toThrow(/409 .*removes 50 of 100 members/);
    const { job } = await stagedImport(send, kept, { confirmRemoval: true });
    expect(job.state).toBe('completed');
    expect((await local.deps.directory.headcount()).total).toBe(50);
    const story = demoIterations.at(-1);
    if (!story) throw new Error('no demo iteration');
    const random = seededRandom(3);
    const answer = (member: TMember) =>
      local.call(member, 'POST', '/api/pulses/pulse-1/responses', {
        answers: demoAnswers(member, story, random),
      });
    const refused = await answer(roster[99] as TMember);
    expect(await refused.json()).toMatchObject({ error: { code: 'not_in_directory' } });
    expect((await answer(roster[49] as TMember)).status).toBe(201);
    local.client.destroy();
  });

  it('completes in several calls when many leavers lose their frozen segments', async () => {
    const local = await localApp();
    const send = (method: string, path: string, body?: unknown) =>
      local.call(steering, method, path, body);
    const leavers = roster.slice(0, 2600).map((m) => ({ ...m, email: `left.${m.email}` }));
    await local.deps.directory.replace([steering, ...leavers], new Date());
    await openFirstIteration(local.deps, 'Roster');
    const { sent } = await stagedImport(send, roster.slice(0, 20), { confirmRemoval: true });
    // More leavers than one call forgets: the first answer says `switched`, the next continue.
    const completes = sent.filter((request) => request.path.includes('/complete'));
    expect(completes.length).toBeGreaterThan(1);
    const story = demoIterations.at(-1);
    if (!story) throw new Error('no demo iteration');
    const leaver = leavers[2599] as TMember;
    const refused = await local.call(leaver, 'POST', '/api/pulses/pulse-1/responses', {
      answers: demoAnswers(leaver, story, seededRandom(5)),
    });
    expect(await refused.json()).toMatchObject({ error: { code: 'not_in_directory' } });
    local.client.destroy();
  });

  it('forgets an import abandoned for more than a day when a later one completes', async () => {
    const local = await localApp();
    const send = (method: string, path: string, body?: unknown) =>
      local.call(steering, method, path, body);
    const abandoned = await started(local, 1000);
    const [chunk] = rosterChunks(roster.slice(0, 1000));
    await send('PUT', `/api/roster/imports/${abandoned.id}/chunks/1`, { members: chunk });
    const version = (await local.deps.rosterImports.get(abandoned.id))?.version;
    const staged = async () => {
      const { Count } = await createDocumentClient(local.client).send(
        new QueryCommand({
          TableName: local.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `DIRECTORY#${version}` },
          Select: 'COUNT',
        }),
      );
      return Count;
    };
    expect(await staged()).toBe(1000);
    local.clock.now = new Date(local.clock.now.getTime() + 25 * 3600 * 1000);
    await stagedImport(send, roster.slice(0, 20));
    expect((await send('GET', `/api/roster/imports/${abandoned.id}`)).status).toBe(404);
    // Nobody's name is kept from a roster never imported.
    expect(await staged()).toBe(0);
    local.client.destroy();
  });
});
