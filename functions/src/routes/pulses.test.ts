import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { FULLY_POOLED, ZSegmentDimension, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { disclosureKey } from '../repositories/disclosure.js';
import { iterationKey } from '../repositories/iterations.js';
import {
  cancelledBecauseOf,
  defaultItems,
  directoryItems,
  employee,
  FREEZE,
  mockedApp,
  openIteration,
  openPulse,
  steering,
  submissionItem,
  validAnswers,
} from '../testing/mocked-app.js';

const submitPath = `/api/pulses/${openPulse.id}/responses`;

describe('POST /api/pulses/{pulseId}/responses', () => {
  it('stores the response in one transaction, without the member, and returns the receipt', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(TransactWriteCommand).resolves({});
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      pulseId: 'pulse-5',
      iterationId: 5,
      answeredOn: '2026-11-20',
    });

    const writes = dynamo.commandCalls(TransactWriteCommand);
    expect(writes).toHaveLength(1);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
    const transaction = writes[0]?.args[0].input;
    const stored = JSON.stringify(transaction);
    expect(stored).not.toContain(employee.email);
    expect(stored).not.toContain(employee.name);
    // The receipt goes in only if this member has none for this pulse yet...
    expect(submissionItem(transaction, 'receipt')?.Put).toMatchObject({
      Item: { pk: expect.stringMatching(/^RECEIPT#[0-9a-f]{64}$/) },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    // ...and everything only while no tally item it adds to is closed: no ConditionCheck of
    // the iteration, no item every answer touches.
    for (const group of ['ALL', ...ZSegmentDimension.options] as const) {
      expect(submissionItem(transaction, `tally:${group}`)?.Update).toMatchObject({
        ConditionExpression: 'attribute_not_exists(#closed)',
        ExpressionAttributeNames: expect.objectContaining({ '#closed': 'closedAt' }),
      });
    }
    expect(transaction?.TransactItems?.some((item) => item.ConditionCheck)).toBe(false);
    // The response: its disclosure segment as frozen at opening (training level pooled then)
    // and the answers, nothing else — no day, no time, a random sort key.
    const saved = submissionItem(transaction, 'response')?.Put?.Item ?? {};
    expect(Object.keys(saved).sort()).toEqual(['answers', 'pk', 'segment', 'sk']);
    expect(saved.segment).toEqual({
      team: 'Sales',
      site: 'Paris',
      trainingLevel: '*',
      ambassador: 'no',
    });
    expect(saved.sk).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(JSON.stringify(saved)).not.toContain('2026-11-20');
    // The day is counted only in the overall tally.
    expect(
      Object.values(
        submissionItem(transaction, 'tally:ALL')?.Update?.ExpressionAttributeNames ?? {},
      ),
    ).toContain('d:2026-11-20');
    for (const dimension of ZSegmentDimension.options) {
      expect(JSON.stringify(submissionItem(transaction, `tally:${dimension}`))).not.toContain(
        '2026-11-20',
      );
    }
    // One tally for everyone and one per segment dimension, each shard its own partition, all
    // on the same shard as the response; nothing else.
    const tallies = (['ALL', ...ZSegmentDimension.options] as const).map(
      (group) => submissionItem(transaction, `tally:${group}`)?.Update?.Key,
    );
    expect(tallies).toEqual([
      { pk: expect.stringMatching(/^TALLY#pulse-5#ALL#[0-3]$/), sk: 'ALL' },
      { pk: expect.stringMatching(/^TALLY#pulse-5#team#[0-3]$/), sk: 'Sales' },
      { pk: expect.stringMatching(/^TALLY#pulse-5#site#[0-3]$/), sk: 'Paris' },
      { pk: expect.stringMatching(/^TALLY#pulse-5#trainingLevel#[0-3]$/), sk: '*' },
      { pk: expect.stringMatching(/^TALLY#pulse-5#ambassador#[0-3]$/), sk: 'no' },
    ]);
    const shards = [...tallies.map((key) => key?.pk), saved.pk].map((pk) => String(pk).at(-1));
    expect(new Set(shards).size).toBe(1);
    expect(transaction?.TransactItems).toHaveLength(2 + tallies.length);
  });

  it('reads the segment frozen at opening with one GetItem by iteration and member', async () => {
    // Ana moved to Marketing in Lyon after iteration 5 opened: she keeps her frozen segment.
    const moved: TMember = { ...employee, team: 'Marketing', site: 'Lyon' };
    const items = [
      ...defaultItems().filter((item) => !String(item.pk).startsWith('DIRECTORY')),
      ...directoryItems([moved, steering]),
    ];
    const { call, dynamo } = await mockedApp(items);
    dynamo.on(TransactWriteCommand).resolves({});
    expect((await call(employee, 'POST', submitPath, { answers: validAnswers })).status).toBe(201);
    const segmentReads = dynamo
      .commandCalls(GetCommand)
      .map((c) => c.args[0].input)
      .filter((input) => String(input.Key?.pk).startsWith('DISCLOSURE#'));
    expect(segmentReads).toEqual([
      {
        TableName: 'boucle-test',
        Key: disclosureKey(FREEZE, employee.email),
        ConsistentRead: true,
      },
    ]);
    expect(segmentReads[0]?.Key).toEqual({
      pk: `DISCLOSURE#5#${FREEZE.freeze}#ana@example.com`,
      sk: 'DISCLOSURE',
    });
    const transaction = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(submissionItem(transaction, 'response')?.Put?.Item?.segment).toMatchObject({
      team: 'Sales',
      site: 'Paris',
    });
    expect(submissionItem(transaction, 'tally:team')?.Update?.Key?.sk).toBe('Sales');
    expect(submissionItem(transaction, 'tally:site')?.Update?.Key?.sk).toBe('Paris');
  });

  it('puts a member who joined after the opening in the fully pooled group', async () => {
    const newcomer: TMember = { ...employee, email: 'nina@example.com', name: 'Nina' };
    const items = [
      ...defaultItems().filter((item) => !String(item.pk).startsWith('DIRECTORY')),
      ...directoryItems([employee, steering, newcomer]),
    ];
    const { call, dynamo } = await mockedApp(items);
    dynamo.on(TransactWriteCommand).resolves({});
    expect((await call(newcomer, 'POST', submitPath, { answers: validAnswers })).status).toBe(201);
    const transaction = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(submissionItem(transaction, 'response')?.Put?.Item?.segment).toEqual(FULLY_POOLED);
    for (const dimension of ZSegmentDimension.options) {
      expect(submissionItem(transaction, `tally:${dimension}`)?.Update?.Key?.sk).toBe('*');
    }
  });

  it('pools everyone of an iteration opened before segments were frozen, reading none', async () => {
    const items = defaultItems().map((item) =>
      item.sk === iterationKey(5).sk ? { ...item, disclosureFreeze: undefined } : item,
    );
    const { call, dynamo } = await mockedApp(items);
    dynamo.on(TransactWriteCommand).resolves({});
    expect((await call(employee, 'POST', submitPath, { answers: validAnswers })).status).toBe(201);
    const transaction = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(submissionItem(transaction, 'response')?.Put?.Item?.segment).toEqual(FULLY_POOLED);
    const keys = dynamo.commandCalls(GetCommand).map((c) => String(c.args[0].input.Key?.pk));
    expect(keys.filter((pk) => pk.startsWith('DISCLOSURE#'))).toEqual([]);
  });

  it('answers 403 to a member whose frozen segment an import removed with them', async () => {
    const items = defaultItems().filter(
      (item) =>
        item.sk !== `MEMBER#${employee.email}` &&
        item.pk !== disclosureKey(FREEZE, employee.email).pk,
    );
    const { call, dynamo } = await mockedApp(items);
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'not_in_directory' } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 409 when this member already answered, and counts nothing', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .callsFake(cancelledBecauseOf('receipt', 'ConditionalCheckFailed'));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'already_answered' } });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('retries a transaction conflict with another writer, then succeeds', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .callsFakeOnce(cancelledBecauseOf('tally:team', 'TransactionConflict'))
      .resolves({});
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(201);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('answers 503 when the conflicts outlast the retries, without calling it already answered', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .callsFake(cancelledBecauseOf('tally:ALL', 'TransactionConflict'));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    // mockedApp allows three attempts.
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('answers 503 with Retry-After when DynamoDB throttles, having written nothing else', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('answers 503 when DynamoDB times out', async () => {
    const { call, dynamo } = await mockedApp();
    const timeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
    dynamo.on(GetCommand).rejects(timeout);
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(503);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 409 when closing marked a tally item, and reads the iteration again next time', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .callsFake(cancelledBecauseOf('tally:site', 'ConditionalCheckFailed'));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'iteration_not_open' } });
    const iterationReads = () =>
      dynamo.commandCalls(GetCommand).filter((c) => c.args[0].input.Key?.sk === iterationKey(5).sk)
        .length;
    expect(iterationReads()).toBe(1);
    await call(steering, 'POST', submitPath, { answers: validAnswers });
    expect(iterationReads()).toBe(2);
  });

  it('makes two calls per answer once the iteration is known: the segment, the transaction', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(TransactWriteCommand).resolves({});
    expect((await call(employee, 'POST', submitPath, { answers: validAnswers })).status).toBe(201);
    dynamo.resetHistory();
    expect((await call(steering, 'POST', submitPath, { answers: validAnswers })).status).toBe(201);
    expect(dynamo.calls().map((c) => c.args[0].constructor.name)).toEqual([
      'GetCommand',
      'TransactWriteCommand',
    ]);
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual(
      disclosureKey(FREEZE, steering.email),
    );
  });

  it('answers 409 for an iteration that is not open', async () => {
    const items = defaultItems().map((item) =>
      item.sk === iterationKey(5).sk
        ? { ...item, iteration: { ...openIteration, status: 'closed' } }
        : item,
    );
    const { call, dynamo } = await mockedApp(items);
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(409);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 400 naming each wrong answer', async () => {
    const { call, dynamo } = await mockedApp();
    const response = await call(employee, 'POST', submitPath, {
      answers: { ...validAnswers, usefulness: 9, enps: 'ten', nope: 1, frequency: undefined },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields).sort()).toEqual([
      'answers.enps',
      'answers.frequency',
      'answers.nope',
      'answers.usefulness',
    ]);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON or not shaped like a response', async () => {
    const { call } = await mockedApp();
    const notJson = await call(employee, 'POST', submitPath, '{"answers":');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.fields).toEqual({ body: 'must be valid JSON' });
    const wrongShape = await call(employee, 'POST', submitPath, { answers: [1, 2] });
    expect(wrongShape.status).toBe(400);
    expect(Object.keys((await wrongShape.json()).error.fields)).toEqual(['answers']);
  });

  it('answers 404 for an unknown pulse', async () => {
    const { call } = await mockedApp();
    expect(
      (await call(employee, 'POST', '/api/pulses/pulse-99/responses', { answers: validAnswers }))
        .status,
    ).toBe(404);
    expect(
      (await call(employee, 'POST', '/api/pulses/whatever/responses', { answers: validAnswers }))
        .status,
    ).toBe(404);
  });
});

describe('GET /api/pulse/current', () => {
  it('returns the open pulse and no receipt before answering', async () => {
    const { call } = await mockedApp();
    const response = await call(employee, 'GET', '/api/pulse/current');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.pulse.id).toBe('pulse-5');
    expect(body.receipt).toBeNull();
  });

  it('answers 404 when no iteration is open', async () => {
    const { call } = await mockedApp(defaultItems().filter((item) => item.sk !== 'OPEN'));
    expect((await call(employee, 'GET', '/api/pulse/current')).status).toBe(404);
  });
});

describe('unexpected failures', () => {
  it('answer 500 with a generic message and no stack trace', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'boom at line 42', $metadata: {} }));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('boom');
    expect(text).not.toContain('at ');
  });
});
