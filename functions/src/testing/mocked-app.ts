import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  defaultPulseTemplate,
  headcountOf,
  pulseIdOf,
  rolesOf,
  type TIteration,
  type TMember,
  type TPulse,
} from '@boucle/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { createApp } from '../app.js';
import { createLocalIssuer, generateLocalKeyPair } from '../auth/local-issuer.js';
import { createVerifier } from '../auth/verifier.js';
import type { TAppDeps } from '../http/env.js';
import { DirectoryRepository } from '../repositories/directory.js';
import { iterationKey, IterationsRepository } from '../repositories/iterations.js';
import { ResponsesRepository } from '../repositories/responses.js';

export const TABLE = { tableName: 'boucle-test' };
export const NOW = new Date('2026-11-20T10:00:00Z');

export const employee: TMember = {
  email: 'ana@example.com',
  name: 'Ana',
  team: 'Sales',
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: false,
  role: 'employee',
};
export const steering: TMember = {
  ...employee,
  email: 'sam@example.com',
  name: 'Sam',
  role: 'steering',
};

export const openIteration: TIteration = {
  id: 5,
  name: 'Iteration 5',
  startDate: '2026-11-16',
  endDate: '2026-12-11',
  goals: [],
  status: 'open',
  pulseId: pulseIdOf(5),
  headcount: headcountOf([employee, steering]),
  openedAt: '2026-11-16T07:00:00.000Z',
  closedAt: null,
  reviewedAt: null,
};
export const openPulse: TPulse = { id: pulseIdOf(5), iterationId: 5, ...defaultPulseTemplate };

/**
 * The app over a DynamoDB client mocked at the SDK boundary (aws-sdk-client-mock): GetItem
 * answers from the items given, and each test decides what the writes do.
 */
export async function mockedApp(items: Record<string, unknown>[] = defaultItems()) {
  const client = new DynamoDBClient({ region: 'eu-west-3' });
  const dynamo = mockClient(client);
  const byKey = new Map(
    items.map((item) => [`${item.pk}|${item.sk}`, marshall(item, { removeUndefinedValues: true })]),
  );
  dynamo.on(GetItemCommand).callsFake((input: { Key: Record<string, AttributeValue> }) => {
    const key = `${input.Key.pk?.S}|${input.Key.sk?.S}`;
    return { Item: byKey.get(key) };
  });
  const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'test-issuer', 'boucle');
  const deps: TAppDeps = {
    iterations: new IterationsRepository(client, TABLE),
    directory: new DirectoryRepository(client, TABLE),
    responses: new ResponsesRepository(client, TABLE, 4, {
      attempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 2,
    }),
    receiptSecret: 'a-test-secret-of-at-least-32-characters',
    k: 5,
    now: () => NOW,
    verify: createVerifier({ issuer: 'test-issuer', audience: 'boucle', keys: issuer.publicKeys }),
    localIssuer: issuer,
  };
  const app = createApp(deps);
  const tokenFor = (member: TMember) =>
    issuer.sign({ email: member.email, name: member.name, roles: rolesOf(member) });
  const call = async (member: TMember | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (member) headers.authorization = `Bearer ${await tokenFor(member)}`;
    return app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
  return { app, dynamo, call, tokenFor };
}

export function defaultItems(): Record<string, unknown>[] {
  return [
    { pk: 'DIRECTORY', sk: 'CURRENT', version: 'v1', headcount: headcountOf([employee, steering]) },
    { pk: 'DIRECTORY#v1', sk: `MEMBER#${employee.email}`, member: employee },
    { pk: 'DIRECTORY#v1', sk: `MEMBER#${steering.email}`, member: steering },
    { pk: 'ITERATIONS', sk: 'OPEN', iterationId: 5 },
    { ...iterationKey(5), iteration: openIteration, pulse: openPulse },
  ];
}

export const validAnswers = {
  usefulness: 4,
  'ease-of-use': 3,
  frequency: 'weekly',
  enps: 9,
  'training-need': 'none',
  comment: 'More training in Lyon',
};
