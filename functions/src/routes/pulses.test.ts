import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { iterationKey } from '../repositories/iterations.js';
import {
  defaultItems,
  employee,
  mockedApp,
  openIteration,
  openPulse,
  validAnswers,
} from '../testing/mocked-app.js';

const submitPath = `/api/pulses/${openPulse.id}/responses`;

function cancelled(codes: string[]) {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

const NONE8 = ['None', 'None', 'None', 'None', 'None', 'None', 'None', 'None'];

describe('POST /api/pulses/{pulseId}/responses', () => {
  it('stores the response in one transaction, without the member, and returns the receipt', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(TransactWriteItemsCommand).resolves({});
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      pulseId: 'pulse-5',
      iterationId: 5,
      answeredOn: '2026-11-20',
    });

    const writes = dynamo.commandCalls(TransactWriteItemsCommand);
    expect(writes).toHaveLength(1);
    expect(dynamo.commandCalls(PutItemCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(UpdateItemCommand)).toHaveLength(0);
    const items = writes[0]?.args[0].input.TransactItems ?? [];
    // receipt, response, overall tally, 4 segment tallies, iteration still open
    expect(items).toHaveLength(8);
    const stored = JSON.stringify(items);
    expect(stored).not.toContain(employee.email);
    expect(stored).not.toContain(employee.name);
    const receipt = unmarshall(items[0]?.Put?.Item ?? {});
    expect(receipt.pk).toMatch(/^RECEIPT#[0-9a-f]{64}$/);
    const saved = unmarshall(items[1]?.Put?.Item ?? {});
    expect(saved.segment).toEqual({
      team: 'Sales',
      site: 'Paris',
      trainingLevel: 'beginner',
      ambassador: 'no',
    });
    expect(saved.day).toBe('2026-11-20');
    expect(Object.keys(saved).sort()).toEqual(['answers', 'day', 'pk', 'segment', 'sk']);
  });

  it('answers 409 when this member already answered, and counts nothing', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteItemsCommand)
      .rejects(cancelled(['ConditionalCheckFailed', ...NONE8.slice(1)]));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'already_answered' } });
    expect(dynamo.commandCalls(TransactWriteItemsCommand)).toHaveLength(1);
  });

  it('retries a transaction conflict with another writer, then succeeds', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteItemsCommand)
      .rejectsOnce(cancelled(['None', 'None', 'TransactionConflict', ...NONE8.slice(3)]))
      .resolves({});
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(201);
    expect(dynamo.commandCalls(TransactWriteItemsCommand)).toHaveLength(2);
  });

  it('answers 503 with Retry-After when DynamoDB throttles, having written nothing else', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteItemsCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(dynamo.commandCalls(PutItemCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('answers 503 when DynamoDB times out', async () => {
    const { call, dynamo } = await mockedApp();
    const timeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
    dynamo.on(GetItemCommand).rejects(timeout);
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(503);
    expect(dynamo.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('answers 409 when the iteration closes between the check and the write', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo
      .on(TransactWriteItemsCommand)
      .rejects(cancelled([...NONE8.slice(1), 'ConditionalCheckFailed']));
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
    expect(dynamo.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
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
    expect(dynamo.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
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
      .on(TransactWriteItemsCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'boom at line 42', $metadata: {} }));
    const response = await call(employee, 'POST', submitPath, { answers: validAnswers });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('boom');
    expect(text).not.toContain('at ');
  });
});
