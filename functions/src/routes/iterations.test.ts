import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLocalIssuer, generateLocalKeyPair } from '../auth/local-issuer.js';
import { iterationKey } from '../repositories/iterations.js';
import {
  DEFAULT_POOLING_ORDER,
  disclosureSegments,
  headcountOf,
  headcountOfSegments,
  pulseIdOf,
  type TIteration,
  type TMember,
  type TSegmentDimension,
} from '@boucle/shared';
import {
  defaultItems,
  directoryItems,
  employee,
  mockedApp,
  mockTallies,
  openIteration,
  openPulse,
  steering,
  TABLE_NAME,
} from '../testing/mocked-app.js';

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('authentication and roles', () => {
  it('refuses a request without a token, or with a token from another key', async () => {
    const { app, call } = await mockedApp();
    expect((await call(null, 'GET', '/api/me')).status).toBe(401);
    const stranger = await createLocalIssuer(await generateLocalKeyPair(), 'test-issuer', 'boucle');
    const forged = await stranger.sign({ email: steering.email, name: 'Sam', roles: ['steering'] });
    const response = await app.request('/api/iterations', {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in first' },
    });
  });

  it('keeps steering routes for the steering role', async () => {
    const { call } = await mockedApp();
    for (const [method, path] of [
      ['GET', '/api/iterations'],
      ['POST', '/api/iterations/5/close'],
      ['GET', '/api/iterations/5/results'],
      ['POST', '/api/roster/imports'],
    ] as const) {
      expect((await call(employee, method, path)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('tells the signed-in member who they are', async () => {
    const { call } = await mockedApp();
    const body = await (await call(employee, 'GET', '/api/me')).json();
    expect(body).toMatchObject({
      email: employee.email,
      roles: ['employee'],
      member: { team: 'Sales' },
    });
  });
});

describe('iterations', () => {
  it('creates a draft with the next number', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(PutCommand).resolves({});
    const response = await call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      goals: ['Train managers'],
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 1, status: 'draft', pulseId: null });
    // Written only if nobody took that number meanwhile.
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: { ...iterationKey(1), iteration: { id: 1, status: 'draft' } },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('answers 409 when someone else created that number first', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(PutCommand).rejects(conditionFailed());
    const response = await call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      goals: [],
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'iteration_exists' } });
  });

  it('names wrong fields of a new iteration', async () => {
    const { call, dynamo } = await mockedApp();
    const response = await call(steering, 'POST', '/api/iterations', {
      name: '',
      startDate: '14/12/2026',
      goals: [],
    });
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields).sort()).toEqual([
      'endDate',
      'name',
      'startDate',
    ]);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('creates a draft with the pooling order asked for, and names a wrong one', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(PutCommand).resolves({});
    const input = {
      name: 'Iteration 1',
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      goals: [],
    };
    const poolingOrder = ['team', 'ambassador', 'trainingLevel', 'site'];
    const created = await call(steering, 'POST', '/api/iterations', { ...input, poolingOrder });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ poolingOrder });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item?.iteration).toMatchObject({
      poolingOrder,
    });
    const wrong = await call(steering, 'POST', '/api/iterations', {
      ...input,
      poolingOrder: ['team', 'team', 'trainingLevel', 'site'],
    });
    expect(wrong.status).toBe(400);
    expect(Object.keys((await wrong.json()).error.fields)).toEqual(['poolingOrder']);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
  });

  describe('opening', () => {
    // 30 members: 24 in Sales at Paris, and six spread so that some values are rare.
    const members: TMember[] = Array.from({ length: 30 }, (_, n) => ({
      ...employee,
      email: `m${n}@example.com`,
      name: `Member ${n}`,
      team: n < 24 ? 'Sales' : n < 28 ? 'HR' : 'R&D',
      site: n % 10 === 9 ? 'Lyon' : 'Paris',
      trainingLevel: n % 3 === 0 ? 'advanced' : 'beginner',
      ambassador: n % 7 === 0,
    }));
    const draft = (poolingOrder?: TSegmentDimension[]): TIteration => ({
      ...openIteration,
      id: 6,
      name: 'Iteration 6',
      status: 'draft',
      pulseId: pulseIdOf(6),
      headcount: null,
      openedAt: null,
      ...(poolingOrder ? { poolingOrder } : {}),
    });
    const app = (iteration: TIteration) =>
      mockedApp([
        ...directoryItems(members),
        {
          ...iterationKey(6),
          iteration,
          pulse: { ...openPulse, id: pulseIdOf(6), iterationId: 6 },
        },
      ]);
    const memberItems = directoryItems(members).filter((item) => item.pk === 'DIRECTORY#v1');

    it("freezes every member's disclosure segment in batches of 25, then opens with their headcount", async () => {
      const order: TSegmentDimension[] = ['trainingLevel', 'ambassador', 'site', 'team'];
      const { call, dynamo } = await app(draft(order));
      dynamo.on(QueryCommand).resolves({ Items: memberItems });
      dynamo.on(BatchWriteCommand).resolves({});
      dynamo.on(TransactWriteCommand).resolves({});
      expect((await call(steering, 'POST', '/api/iterations/6/open')).status).toBe(200);

      // Every segment is written before the iteration is flipped to open.
      const writes = dynamo
        .calls()
        .map((c) => c.args[0].constructor.name)
        .filter((name) => name === 'BatchWriteCommand' || name === 'TransactWriteCommand');
      expect(writes).toEqual(['BatchWriteCommand', 'BatchWriteCommand', 'TransactWriteCommand']);
      const batches = dynamo
        .commandCalls(BatchWriteCommand)
        .map((c) => c.args[0].input.RequestItems?.[TABLE_NAME] ?? []);
      expect(batches.map((batch) => batch.length).sort()).toEqual([25, 5]);
      const flip = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0];
      const values = flip?.Update?.ExpressionAttributeValues ?? {};
      const freeze = String(values[':freeze']);
      expect(freeze).toMatch(/^[0-9a-f-]{36}$/);

      // One item per member, in a partition of its own, under the freeze the iteration records.
      const expected = disclosureSegments(members, 5, order);
      const written = batches.flat().map((request) => request.PutRequest?.Item ?? {});
      expect(written).toHaveLength(members.length);
      for (const item of written) {
        expect(Object.keys(item).sort()).toEqual(['pk', 'segment', 'sk']);
        expect(item.sk).toBe('DISCLOSURE');
        const email = String(item.pk).slice(`DISCLOSURE#6#${freeze}#`.length);
        expect(item.pk).toBe(`DISCLOSURE#6#${freeze}#${email}`);
        expect(item.segment).toEqual(expected.get(email));
      }
      expect(new Set(written.map((item) => item.pk)).size).toBe(members.length);

      // Opening records the members per disclosure value and the order they pooled in.
      expect(flip?.Update?.UpdateExpression).toContain('iteration.headcount = :headcount');
      expect(flip?.Update?.UpdateExpression).toContain('disclosureFreeze = :freeze');
      expect(values[':headcount']).toEqual(headcountOfSegments(expected.values()));
      expect(values[':headcount']).toMatchObject({ total: 30 });
      expect(values[':order']).toEqual(order);
    });

    it('pools in the default order when the iteration names none', async () => {
      const { call, dynamo } = await app(draft());
      dynamo.on(QueryCommand).resolves({ Items: memberItems });
      dynamo.on(BatchWriteCommand).resolves({});
      dynamo.on(TransactWriteCommand).resolves({});
      expect((await call(steering, 'POST', '/api/iterations/6/open')).status).toBe(200);
      const flip = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0];
      const values = flip?.Update?.ExpressionAttributeValues ?? {};
      expect(values[':order']).toEqual([...DEFAULT_POOLING_ORDER]);
      expect(values[':headcount']).toEqual(
        headcountOfSegments(disclosureSegments(members, 5, DEFAULT_POOLING_ORDER).values()),
      );
    });

    it('leaves the iteration a draft when the segments cannot all be written', async () => {
      const { call, dynamo } = await app(draft());
      dynamo.on(QueryCommand).resolves({ Items: memberItems });
      dynamo
        .on(BatchWriteCommand)
        .rejects(
          new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }),
        );
      const response = await call(steering, 'POST', '/api/iterations/6/open');
      expect(response.status).toBe(503);
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    });
  });

  it('refuses to open while another iteration is open, without writing', async () => {
    const { call, dynamo } = await mockedApp();
    const response = await call(steering, 'POST', '/api/iterations/5/open');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_transition', message: 'iteration 5 is open, not draft' },
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('marks every tally item closed, then closes the iteration and its open marker together', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(TransactWriteCommand).resolves({});
    dynamo.on(UpdateCommand).resolves({});
    // Closing then reads the tallies for the final release: none here.
    mockTallies(dynamo, openPulse.id, []);
    expect((await call(steering, 'POST', '/api/iterations/5/close')).status).toBe(200);
    // Every shard (4) of the overall tally and of each frozen value and the pooled `*` of every
    // dimension — Sales, Paris, `*` (level) and no were frozen — before the status flips.
    const names = dynamo.calls().map((c) => c.args[0].constructor.name);
    expect(names.lastIndexOf('UpdateCommand')).toBeLessThan(names.indexOf('TransactWriteCommand'));
    const marks = dynamo.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    const groups = { ALL: ['ALL'], team: ['Sales', '*'], site: ['Paris', '*'] };
    const expected = [0, 1, 2, 3].flatMap((shard) => [
      ...Object.entries(groups).flatMap(([group, values]) =>
        values.map((value) => `TALLY#pulse-5#${group}#${shard}|${value}`),
      ),
      `TALLY#pulse-5#trainingLevel#${shard}|*`,
      `TALLY#pulse-5#ambassador#${shard}|no`,
      `TALLY#pulse-5#ambassador#${shard}|*`,
    ]);
    expect(marks.map(({ Key }) => `${Key?.pk}|${Key?.sk}`).sort()).toEqual(expected.sort());
    for (const mark of marks) {
      // Idempotent: a close asked again after a crash keeps the first time.
      expect(mark).toMatchObject({
        UpdateExpression: 'SET #closed = if_not_exists(#closed, :now)',
        ExpressionAttributeNames: { '#closed': 'closedAt' },
      });
      expect(mark.ConditionExpression).toBeUndefined();
    }
    const items = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => Object.keys(item)[0])).toEqual(['Update', 'Delete']);
    // Only if iteration 5 is still the open one: neither half goes in alone.
    expect(items[0]?.Update).toMatchObject({
      Key: iterationKey(5),
      ConditionExpression: 'iteration.#status = :open',
      ExpressionAttributeValues: { ':open': 'open' },
    });
    expect(items[1]?.Delete).toMatchObject({
      Key: { pk: 'ITERATIONS', sk: 'OPEN' },
      ConditionExpression: 'iterationId = :id',
      ExpressionAttributeValues: { ':id': 5 },
    });
  });

  it('finishes a close that failed while marking when it is asked again', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(TransactWriteCommand).resolves({});
    mockTallies(dynamo, openPulse.id, []);
    const timeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
    dynamo.on(UpdateCommand).resolvesOnce({}).rejectsOnce(timeout).resolves({});
    expect((await call(steering, 'POST', '/api/iterations/5/close')).status).toBe(503);
    // Nothing flipped: the iteration is still open, answers to unmarked items still count.
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect((await call(steering, 'POST', '/api/iterations/5/close')).status).toBe(200);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    const marked = new Set(
      dynamo
        .commandCalls(UpdateCommand)
        .map((c) => `${c.args[0].input.Key?.pk}|${c.args[0].input.Key?.sk}`),
    );
    expect(marked.size).toBe(4 * 8);
  });

  it('answers 409 when the iteration changed before the close went in', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(UpdateCommand).resolves({});
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    const response = await call(steering, 'POST', '/api/iterations/5/close');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'iteration_changed' } });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const { call } = await mockedApp();
    const bad = await call(steering, 'GET', '/api/iterations/abc/results');
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['id']);
    expect((await call(steering, 'GET', '/api/iterations/77/results')).status).toBe(404);
  });

  it('reads results from a release of the tally shards, never the responses', async () => {
    // Twelve members of Sales when the iteration opened, six of whom answered.
    const sales = Array.from({ length: 12 }, (_, n) => ({
      ...employee,
      email: `s${n}@example.com`,
    }));
    const frozen = { ...openIteration, headcount: headcountOf(sales) };
    const { call, dynamo } = await mockedApp(
      defaultItems().map((item) =>
        item.sk === iterationKey(5).sk ? { ...item, iteration: frozen } : item,
      ),
    );
    const shard = { n: 6, 'a:usefulness': 6, 'v:usefulness:4': 6 };
    // No release yet: the read makes the first one from the shards, and stores it.
    mockTallies(dynamo, openPulse.id, [
      { group: 'ALL', shard: 0, counters: { ...shard, 'd:2026-11-20': 6 } },
      { group: 'team', shard: 0, value: 'Sales', counters: shard },
    ]);
    dynamo
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `RELEASE#${openPulse.id}` } })
      .resolves({ Items: [] });
    dynamo.on(PutCommand).resolves({});
    const response = await call(steering, 'GET', '/api/iterations/5/results?by=team');
    expect(response.status).toBe(200);
    const results = await response.json();
    expect(results).toMatchObject({
      respondents: 6,
      participation: 0.5,
      by: 'team',
      release: { number: 1, final: false },
    });
    expect(results.groups).toEqual([
      expect.objectContaining({ value: 'Sales', respondents: 6, participation: 0.5 }),
    ]);
    const queried = dynamo
      .commandCalls(QueryCommand)
      .map((c) => String(c.args[0].input.ExpressionAttributeValues?.[':pk']));
    // A fixed number of reads: one Query per dimension and shard (4 × 4), one BatchGet overall.
    expect(queried.filter((pk) => !pk.startsWith('RELEASE#')).sort()).toEqual(
      ['team', 'site', 'trainingLevel', 'ambassador']
        .flatMap((dimension) => [0, 1, 2, 3].map((n) => `TALLY#${openPulse.id}#${dimension}#${n}`))
        .sort(),
    );
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(1);
    expect(queried.every((pk) => !pk.startsWith('RESPONSES#'))).toBe(true);

    // The same table as CSV, from the release just stored: the same figures, nothing more.
    dynamo
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': `RELEASE#${openPulse.id}` } })
      .resolves({ Items: [dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item ?? {}] });
    const csv = await call(steering, 'GET', '/api/iterations/5/results?by=team&format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="results-iteration-5.csv"',
    );
    // (text() drops the byte order mark toCsv writes for spreadsheets.)
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      'iteration,release,dimension,group,members,respondents,participation,question,answered,mean,enps,low,high,withheld',
    );
    expect(lines).toContain(`5,1,team,Sales,12,6,0.5,usefulness,6,4,,4,4,false`);
    expect((await call(steering, 'GET', '/api/iterations/5/results?format=xml')).status).toBe(400);
  });
});
