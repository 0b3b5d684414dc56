import { headcountOf, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { fakeTable, type TStoredItem } from '../faults/fake-table.js';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { disclosureKey } from '../repositories/disclosure.js';
import { importKey, type TStoredImport } from '../repositories/roster-imports.js';
import {
  defaultItems,
  employee,
  FREEZE,
  mockedApp,
  steering,
  TABLE_NAME,
} from '../testing/mocked-app.js';

const ID = 'mhq1x2y3zabcdefg';
const member = (index: number): TMember => ({
  ...employee,
  email: `m${String(index).padStart(5, '0')}@example.com`,
  name: `Member ${index}`,
});
const members = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => member(from + index));

/** An import of 2,500 members (3 chunks), staging unless said otherwise. */
function job(rest: Partial<TStoredImport> = {}): TStoredItem {
  return {
    ...importKey(ID),
    id: ID,
    version: `2026-11-20T09:00:00.000Z-${ID}`,
    state: 'staging',
    members: 2500,
    chunkSize: 1000,
    chunks: 3,
    createdAt: '2026-11-20T09:00:00.000Z',
    received: {},
    ...rest,
  };
}

async function appWith(...items: TStoredItem[]) {
  const mocked = await mockedApp();
  const table = fakeTable(mocked.dynamo, [...defaultItems(), ...items]);
  return { ...mocked, table };
}

const chunkPath = (n: number | string) => `/api/roster/imports/${ID}/chunks/${n}`;
const writes = (table: { calls: { command: string }[] }) =>
  table.calls.filter((call) => ['BatchWrite', 'Update', 'Put'].includes(call.command));

describe('starting a staged roster import', () => {
  it('answers 201 with the chunks to send', async () => {
    const { call } = await appWith();
    const response = await call(steering, 'POST', '/api/roster/imports', { members: 2500 });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id: expect.stringMatching(/^[0-9a-z]{16}$/),
      state: 'staging',
      members: 2500,
      chunkSize: 1000,
      chunks: 3,
      chunksReceived: 0,
    });
  });

  it.each([0, 100_001, 2.5])('refuses %s members, naming the field', async (count) => {
    const { call } = await appWith();
    const response = await call(steering, 'POST', '/api/roster/imports', { members: count });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toHaveProperty('members');
  });
});

describe('a chunk', () => {
  it('is staged and counted', async () => {
    const { call, table } = await appWith(job());
    const response = await call(steering, 'PUT', chunkPath(2), { members: members(1000, 1000) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ chunksReceived: 1, chunks: 3 });
    expect(table.calls.filter((c) => c.command === 'BatchWrite')).toHaveLength(40);
  });

  it('sent again with the same members is staged again, counted once', async () => {
    const chunk = members(2000, 500);
    const first = await appWith(job());
    await first.call(steering, 'PUT', chunkPath(3), { members: chunk });
    const update = first.table.calls.find((c) => c.command === 'Update')?.input as {
      ExpressionAttributeValues: { ':chunk': unknown };
    };
    const received = {
      '3': update.ExpressionAttributeValues[':chunk'],
    } as TStoredImport['received'];
    const again = await appWith(job({ received }));
    const response = await again.call(steering, 'PUT', chunkPath(3), { members: chunk });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ chunksReceived: 1 });
  });

  it('of an unknown import answers 404 naming the id', async () => {
    const { call } = await appWith();
    const response = await call(steering, 'PUT', chunkPath(1), { members: members(0, 1000) });
    expect(response.status).toBe(404);
    expect((await response.json()).error.fields).toEqual({ id: 'unknown import' });
  });

  it.each([
    ['a number past the last chunk', 4, members(0, 1000), 'n'],
    ['too few members for its place', 1, members(0, 999), 'members'],
    ['too many members', 1, members(0, 1001), 'members'],
    ['members out of email order', 1, [...members(1, 999), member(0)], 'members.999.email'],
    ['the same member twice', 3, [...members(2000, 499), member(2498)], 'members.499.email'],
    [
      'a member without a valid email',
      1,
      [{ ...member(0), email: 'bob' }, ...members(1, 999)],
      'members.0.email',
    ],
  ])('with %s is refused 400 naming %s, writing nothing', async (_, n, sent, field) => {
    const { call, table } = await appWith(job());
    const response = await call(steering, 'PUT', chunkPath(n), { members: sent });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toHaveProperty([field]);
    expect(writes(table)).toEqual([]);
  });

  it.each([
    ['overlapping the chunk before', 2, members(999, 1000), 'members.0.email'],
    ['overlapping the chunk after', 2, members(1001, 1000), 'members.999.email'],
    ['sent again with other members', 1, members(10_000, 1000), 'members'],
  ])('%s is refused 409 naming %s, writing nothing', async (_, n, sent, field) => {
    const received = {
      '1': { first: member(0).email, last: member(999).email, count: 1000, digest: 'a' },
      '3': { first: member(2000).email, last: member(2499).email, count: 500, digest: 'b' },
    };
    const { call, table } = await appWith(job({ received }));
    const response = await call(steering, 'PUT', chunkPath(n), { members: sent });
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe('roster_import_conflict');
    expect(error.fields).toHaveProperty([field]);
    expect(writes(table)).toEqual([]);
  });

  it('of a completed import is refused 409 naming the id', async () => {
    const { call, table } = await appWith(job({ state: 'completed' }));
    const response = await call(steering, 'PUT', chunkPath(1), { members: members(0, 1000) });
    expect(response.status).toBe(409);
    expect((await response.json()).error.fields).toHaveProperty('id');
    expect(writes(table)).toEqual([]);
  });
});

describe('completing an import', () => {
  const complete = `/api/roster/imports/${ID}/complete`;

  it('with a chunk missing (or reserved, not yet written) is refused 409 naming it', async () => {
    const received = {
      '1': {
        first: member(0).email,
        last: member(999).email,
        count: 1000,
        digest: 'a',
        written: true,
      },
      '2': { first: member(1000).email, last: member(1999).email, count: 1000, digest: 'b' },
    };
    const { call, table } = await appWith(job({ received }));
    const response = await call(steering, 'POST', complete);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({
      code: 'roster_import_conflict',
      fields: { chunks: 'missing 2, 3' },
    });
    expect(writes(table)).toEqual([]);
  });

  it('already completed is refused 409', async () => {
    const { call } = await appWith(job({ state: 'completed' }));
    const response = await call(steering, 'POST', complete);
    expect(response.status).toBe(409);
    expect((await response.json()).error.fields).toEqual({ id: 'already completed' });
  });

  it('of an unknown import answers 404', async () => {
    const { call } = await appWith();
    expect((await call(steering, 'POST', complete)).status).toBe(404);
    expect((await call(steering, 'GET', `/api/roster/imports/${ID}`)).status).toBe(404);
  });
});

describe('completing an import of 7 members over a directory of 10 (version v1)', () => {
  const complete = `/api/roster/imports/${ID}/complete`;
  /** The one chunk is written; `kept` of its members are in v1. */
  const ready = (kept: number, against = 'v1') =>
    job({
      members: 7,
      chunks: 1,
      against,
      currentTotal: 10,
      received: {
        '1': { first: 'a', last: 'b', count: 7, digest: 'd', written: true, kept },
      },
    });
  const headcount = { ...importKey(ID), pk: `DIRECTORY#IMPORT-${ID}`, sk: 'CHUNK#001' };

  it('asks to confirm when it removes more than a fifth, then switches from v1', async () => {
    const chunk = { ...headcount, headcount: headcountOf(members(0, 7)) };
    const { call, table } = await appWith(ready(7), chunk);
    const refused = await call(steering, 'POST', complete);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'roster_shrinks',
        fields: { confirmRemoval: expect.stringMatching(/3 of 10/) },
      },
    });
    expect(writes(table)).toEqual([]);

    const confirmed = await call(steering, 'POST', `${complete}?confirmRemoval=true`);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ state: 'completed', members: 7 });
    const [flip] = table.calls.filter((c) => c.command === 'TransactWrite');
    const [current, state] = (flip?.input as TransactWriteCommandInput).TransactItems ?? [];
    expect(current?.Put).toMatchObject({
      Item: { pk: 'DIRECTORY', sk: 'CURRENT', version: expect.stringContaining(ID) },
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': 'v1' },
    });
    expect(state?.Update).toMatchObject({ ConditionExpression: '#state = :staging' });
    // Ana and Sam (in v1, not in the new version) lose their frozen segment of iteration 5.
    const deleted = table.calls
      .filter((c) => c.command === 'BatchWrite')
      .flatMap(
        (c) =>
          (
            c.input as {
              RequestItems: Record<string, { DeleteRequest?: { Key: { pk: string } } }[]>;
            }
          ).RequestItems[TABLE_NAME] ?? [],
      )
      .flatMap((request) => request.DeleteRequest?.Key ?? []);
    expect(deleted.filter((key) => key.pk.startsWith('DISCLOSURE#'))).toEqual([
      disclosureKey(FREEZE, employee.email),
      disclosureKey(FREEZE, steering.email),
    ]);
  });

  it('does not ask when it removes a fifth or fewer', async () => {
    const { call } = await appWith(
      job({
        ...ready(8),
        members: 9,
        received: { '1': { first: 'a', last: 'b', count: 9, digest: 'd', written: true, kept: 8 } },
      }),
      { ...headcount, headcount: headcountOf(members(0, 9)) },
    );
    expect((await call(steering, 'POST', complete)).status).toBe(200);
  });

  it('is refused 409 when another import switched the directory since it started', async () => {
    const { call, table } = await appWith(ready(7, 'v0'));
    const response = await call(steering, 'POST', `${complete}?confirmRemoval=true`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'directory_changed' } });
    expect(writes(table)).toEqual([]);
  });
});
