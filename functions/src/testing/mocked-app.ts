import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type GetCommandInput,
  type TransactWriteCommandInput,
  type TransactWriteItem,
} from '@aws-sdk/lib-dynamodb';
import {
  defaultPulseTemplate,
  headcountOf,
  headcountOfSegments,
  POOLED,
  pulseIdOf,
  rolesOf,
  segmentOf,
  type TIteration,
  type TMember,
  type TPulse,
  type TSegment,
  type TTally,
} from '@boucle/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { createApp } from '../app.js';
import { createLocalIssuer, generateLocalKeyPair } from '../auth/local-issuer.js';
import { createDynamoClient } from '../clients/dynamodb.js';
import { readConfig } from '../config.js';
import { createDeps } from '../deps.js';
import { disclosureKey } from '../repositories/disclosure.js';
import { iterationKey } from '../repositories/iterations.js';
import {
  overallTallyKey,
  tallyKey,
  type TSubmissionItemName,
  type TTallyGroup,
} from '../repositories/responses.js';

export const TABLE_NAME = 'boucle-test';
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

/**
 * The members' disclosure segments frozen when iteration 5 opened: their training level was too
 * rare then, so it is pooled — the directory's own value is never what a response stores.
 */
export const frozenSegments: ReadonlyMap<string, TSegment> = new Map(
  [employee, steering].map((member) => [
    member.email,
    { ...segmentOf(member), trainingLevel: POOLED },
  ]),
);
/** Which freeze of the segments iteration 5 opened with. */
export const FREEZE = { iterationId: 5, freeze: 'freeze-of-iteration-5' };

export const openIteration: TIteration = {
  id: 5,
  name: 'Iteration 5',
  startDate: '2026-11-16',
  endDate: '2026-12-11',
  goals: [],
  status: 'open',
  pulseId: pulseIdOf(5),
  headcount: headcountOfSegments(frozenSegments.values()),
  openedAt: '2026-11-16T07:00:00.000Z',
  closedAt: null,
  reviewedAt: null,
};
/** Iteration 4 ran before it and closed. */
export const closedIteration: TIteration = {
  ...openIteration,
  id: 4,
  name: 'Iteration 4',
  status: 'closed',
  pulseId: pulseIdOf(4),
  startDate: '2026-10-19',
  endDate: '2026-11-13',
  openedAt: '2026-10-19T07:00:00.000Z',
  closedAt: '2026-11-13T17:00:00.000Z',
};
export const openPulse: TPulse = { id: pulseIdOf(5), iterationId: 5, ...defaultPulseTemplate };

/**
 * The app over the document client mocked at the SDK boundary (aws-sdk-client-mock): a Get on
 * the test table answers from the items given, and each test decides what the writes do.
 */
export async function mockedApp(items: Record<string, unknown>[] = defaultItems()) {
  const dynamo = mockClient(DynamoDBDocumentClient);
  const byKey = new Map(items.map((item) => [`${item.pk}|${item.sk}`, item]));
  dynamo.on(GetCommand, { TableName: TABLE_NAME }).callsFake(async ({ Key }: GetCommandInput) => {
    const item = byKey.get(`${Key?.pk}|${Key?.sk}`);
    // A copy, as from the wire: nothing the app does to it changes the next read.
    return { Item: item && structuredClone(item) };
  });
  const keyPair = await generateLocalKeyPair();
  const issuer = await createLocalIssuer(keyPair, 'test-issuer', 'boucle');
  const config = readConfig({
    TABLE_NAME,
    AWS_REGION: 'eu-west-3',
    RECEIPT_SECRET: 'a-test-secret-of-at-least-32-characters',
    ANONYMITY_K: '5',
    TALLY_SHARDS: '4',
    AUTH_ISSUER: 'test-issuer',
    AUTH_AUDIENCE: 'boucle',
  });
  const deps = createDeps({
    config,
    client: createDynamoClient({ region: config.AWS_REGION }),
    localIssuer: issuer,
    overrides: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, now: () => NOW },
  });
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
  return { app, deps, dynamo, call, tokenFor, keyPair };
}

/** The directory at version v1, holding these members. */
export function directoryItems(members: readonly TMember[]): Record<string, unknown>[] {
  return [
    { pk: 'DIRECTORY', sk: 'CURRENT', version: 'v1', headcount: headcountOf(members) },
    ...members.map((member) => ({ pk: 'DIRECTORY#v1', sk: `MEMBER#${member.email}`, member })),
  ];
}

export function defaultItems(): Record<string, unknown>[] {
  return [
    ...directoryItems([employee, steering]),
    { pk: 'ITERATIONS', sk: 'OPEN', iterationId: 5 },
    {
      ...iterationKey(5),
      iteration: openIteration,
      pulse: openPulse,
      disclosureFreeze: FREEZE.freeze,
    },
    ...[...frozenSegments].map(([email, segment]) => ({
      ...disclosureKey(FREEZE, email),
      segment,
    })),
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

/** Whether a transaction item is the submission's item of that name, told by what it stores. */
function isSubmissionItem(item: TransactWriteItem, name: TSubmissionItemName): boolean {
  if (name === 'receipt') return String(item.Put?.Item?.pk).startsWith('RECEIPT#');
  if (name === 'response') return String(item.Put?.Item?.pk).startsWith('RESPONSES#');
  // `TALLY#<pulse>#<group>#<shard>`
  const [prefix, , group] = String(item.Update?.Key?.pk).split('#');
  return prefix === 'TALLY' && group === name.slice('tally:'.length);
}

/** A submission's item of that name, from the transaction the app sent. */
export function submissionItem(
  input: TransactWriteCommandInput | undefined,
  name: TSubmissionItemName,
): TransactWriteItem | undefined {
  return input?.TransactItems?.find((item) => isSubmissionItem(item, name));
}

/**
 * DynamoDB cancelling a pulse submission because of the item of that name: one reason per item
 * sent, in the order sent, `code` for that item and `None` for the others.
 */
export function cancelledBecauseOf(
  name: TSubmissionItemName,
  code: 'ConditionalCheckFailed' | 'TransactionConflict',
) {
  return async ({ TransactItems = [] }: TransactWriteCommandInput) => {
    if (!TransactItems.some((item) => isSubmissionItem(item, name))) {
      throw new Error(`the transaction has no item named ${name}`);
    }
    throw new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: TransactItems.map((item) => ({
        Code: isSubmissionItem(item, name) ? code : 'None',
      })),
    });
  };
}

/** One tally item of a pulse: its group, shard, disclosure value (none overall) and counters. */
export type TMockedTally = { group: TTallyGroup; shard: number; value?: string; counters: TTally };

/**
 * The pulse's tally items as the repository reads them: the overall ones by BatchGetItem, each
 * dimension's shard by a Query of its partition. Every other query answers nothing.
 */
export function mockTallies(
  dynamo: Awaited<ReturnType<typeof mockedApp>>['dynamo'],
  pulseId: string,
  tallies: readonly TMockedTally[],
): void {
  dynamo.on(QueryCommand).resolves({ Items: [] });
  dynamo.on(BatchGetCommand).resolves({
    Responses: {
      [TABLE_NAME]: tallies
        .filter(({ group }) => group === 'ALL')
        .map(({ shard, counters }) => ({ ...overallTallyKey(pulseId, shard), ...counters })),
    },
  });
  const partitions = new Map<string, Record<string, unknown>[]>();
  for (const { group, shard, value = '', counters } of tallies) {
    if (group === 'ALL') continue;
    const key = tallyKey(pulseId, group, shard, value);
    partitions.set(key.pk, [...(partitions.get(key.pk) ?? []), { ...key, ...counters }]);
  }
  for (const [pk, Items] of partitions) {
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':pk': pk } }).resolves({ Items });
  }
}
