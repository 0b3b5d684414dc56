import {
  BatchWriteItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { createLocalIssuer, generateLocalKeyPair } from '../auth/local-issuer.js';
import { employee, mockedApp, openPulse, steering } from '../testing/mocked-app.js';

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
      ['POST', '/api/members/import'],
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
    dynamo.on(PutItemCommand).resolves({});
    const response = await call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      goals: ['Train managers'],
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 1, status: 'draft', pulseId: null });
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
    expect(dynamo.commandCalls(PutItemCommand)).toHaveLength(0);
  });

  it('refuses to open while another iteration is open, without writing', async () => {
    const { call, dynamo } = await mockedApp();
    const response = await call(steering, 'POST', '/api/iterations/5/open');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_transition', message: 'iteration 5 is open, not draft' },
    });
    expect(dynamo.commandCalls(TransactWriteItemsCommand)).toHaveLength(0);
  });

  it('closes the open iteration and its open marker together', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(TransactWriteItemsCommand).resolves({});
    expect((await call(steering, 'POST', '/api/iterations/5/close')).status).toBe(200);
    const items =
      dynamo.commandCalls(TransactWriteItemsCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => Object.keys(item)[0])).toEqual(['Update', 'Delete']);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const { call } = await mockedApp();
    const bad = await call(steering, 'GET', '/api/iterations/abc/results');
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['id']);
    expect((await call(steering, 'GET', '/api/iterations/77/results')).status).toBe(404);
  });

  it('reads results from the tally shards only, never the responses', async () => {
    const { call, dynamo } = await mockedApp();
    const shard = { n: 6, 'a:usefulness': 6, 'v:usefulness:4': 6 };
    dynamo.on(QueryCommand).resolves({
      Items: [
        marshall({ pk: `TALLY#${openPulse.id}`, sk: 'ALL#0', ...shard, 'd:2026-11-20': 6 }),
        marshall({ pk: `TALLY#${openPulse.id}`, sk: 'team#Sales#0', ...shard }),
      ],
    });
    const response = await call(steering, 'GET', '/api/iterations/5/results?by=team');
    expect(response.status).toBe(200);
    const results = await response.json();
    expect(results).toMatchObject({ respondents: 6, participation: 3, by: 'team' });
    expect(results.groups).toEqual([expect.objectContaining({ value: 'Sales', respondents: 6 })]);
    const queried = dynamo
      .commandCalls(QueryCommand)
      .map((c) => c.args[0].input.ExpressionAttributeValues);
    expect(queried).toEqual([marshall({ ':pk': `TALLY#${openPulse.id}` })]);
  });
});

describe('POST /api/members/import', () => {
  const header = 'email,name,team,site,trainingLevel,ambassador,role';

  it('reports bad rows by line number and stores nothing', async () => {
    const { call, dynamo } = await mockedApp();
    const csv = `${header}\nok@example.com,Ok,Sales,Paris,beginner,no,employee\nbad,Bad,Sales,Paris,expert,no,employee`;
    const response = await call(steering, 'POST', '/api/members/import', csv);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({
      'line.3.email': 'Invalid email address',
      'line.3.trainingLevel': 'must be one of beginner, confirmed, advanced',
    });
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(PutItemCommand)).toHaveLength(0);
  });

  it('writes a new directory version, then switches to it', async () => {
    const { call, dynamo } = await mockedApp();
    dynamo.on(BatchWriteItemCommand).resolves({});
    dynamo.on(PutItemCommand).resolves({});
    const csv = `${header}\nok@example.com,Ok,Sales,Paris,beginner,no,employee`;
    const response = await call(steering, 'POST', '/api/members/import', csv);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ imported: 1 });
    const flip = dynamo.commandCalls(PutItemCommand)[0]?.args[0].input;
    expect(flip?.ConditionExpression).toBe('version = :previous');
  });
});
