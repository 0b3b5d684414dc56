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
import { ZSegmentDimension } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { iterationKey } from '../repositories/iterations.js';
import {
  cancelledBecauseOf,
  defaultItems,
  employee,
  mockedApp,
  openIteration,
  openPulse,
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
    // ...and everything only while iteration 5 is still open.
    expect(submissionItem(transaction, 'iteration-open')?.ConditionCheck).toMatchObject({
      Key: iterationKey(5),
      ConditionExpression: 'iteration.#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
    });
    const saved = submissionItem(transaction, 'response')?.Put?.Item ?? {};
    expect(saved.segment).toEqual({
      team: 'Sales',
      site: 'Paris',
      trainingLevel: 'beginner',
      ambassador: 'no',
    });
    expect(saved.day).toBe('2026-11-20');
    expect(Object.keys(saved).sort()).toEqual(['answers', 'day', 'pk', 'segment', 'sk']);
    // One tally for everyone and one per segment dimension, all on the same shard; nothing else.
    const tallies = (['ALL', ...ZSegmentDimension.options] as const).map(
      (group) => submissionItem(transaction, `tally:${group}`)?.Update?.Key?.sk,
    );
    expect(tallies).toEqual([
      expect.stringMatching(/^ALL#[0-3]$/),
      expect.stringMatching(/^team#Sales#[0-3]$/),
      expect.stringMatching(/^site#Paris#[0-3]$/),
      expect.stringMatching(/^trainingLevel#beginner#[0-3]$/),
      expect.stringMatching(/^ambassador#no#[0-3]$/),
    ]);
    expect(new Set(tallies.map((sk) => sk?.at(-1))).size).toBe(1);
    expect(transaction?.TransactItems).toHaveLength(3 + tallies.length);
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

  it('answers 409 when the iteration closes between the check and the write', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteCommand)
      .callsFake(cancelledBecauseOf('iteration-open', 'ConditionalCheckFailed'));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'iteration_not_open' } });
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
