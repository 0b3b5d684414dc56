import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type BatchWriteCommandInput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { headcountOf, type TMember } from '@boucle/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient, createDynamoClient } from '../clients/dynamodb.js';
import { DirectoryRepository } from './directory.js';

const TABLE_NAME = 'boucle-test';
const dynamo = mockClient(DynamoDBDocumentClient);
const directory = new DirectoryRepository(
  createDocumentClient(createDynamoClient({ region: 'eu-west-3' })),
  { tableName: TABLE_NAME },
);

const members: TMember[] = Array.from({ length: 60 }, (_, n) => ({
  email: `m${n}@example.com`,
  name: `Member ${n}`,
  team: n % 2 ? 'Sales' : 'HR',
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: false,
  role: 'employee',
}));

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand, { Key: { pk: 'DIRECTORY', sk: 'CURRENT' } }).resolves({
    Item: { pk: 'DIRECTORY', sk: 'CURRENT', version: 'v1', headcount: headcountOf([]) },
  });
});

describe('DirectoryRepository.replace', () => {
  it('writes members in batches of 25, resends what DynamoDB left unprocessed, then switches', async () => {
    let first = true;
    dynamo.on(BatchWriteCommand).callsFake(async ({ RequestItems }: BatchWriteCommandInput) => {
      const requests = RequestItems?.[TABLE_NAME] ?? [];
      if (first) {
        first = false;
        return { UnprocessedItems: { [TABLE_NAME]: requests.slice(0, 2) } };
      }
      return {};
    });
    dynamo.on(PutCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await directory.replace(members, new Date('2026-11-20T10:00:00Z'));
    const batches = dynamo
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE_NAME]?.length);
    // Up to four batches go at once; the two unprocessed items are resent after a backoff.
    expect(batches.sort((a = 0, b = 0) => a - b)).toEqual([2, 10, 25, 25]);
    const flip = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(flip).toMatchObject({
      Item: { pk: 'DIRECTORY', sk: 'CURRENT', headcount: headcountOf(members) },
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': 'v1' },
    });
    // Then the replaced version is noted as superseded now, and those superseded more than the
    // retention ago are looked for.
    expect(dynamo.commandCalls(PutCommand)[1]?.args[0].input.Item).toEqual({
      pk: 'DIRECTORY',
      sk: 'SUPERSEDED#2026-11-20T10:00:00.000Z#v1',
      version: 'v1',
    });
    expect(dynamo.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({
      ':pk': 'DIRECTORY',
      ':first': 'SUPERSEDED#',
      ':cutoff': 'SUPERSEDED#2026-10-21T10:00:00.000Z',
    });
  });

  it('leaves the current directory in force when a batch fails', async () => {
    dynamo
      .on(BatchWriteCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(directory.replace(members, new Date())).rejects.toThrow('slow down');
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('DirectoryRepository.members', () => {
  it('reads every page of the current version', async () => {
    const stored = members.map((member) => ({
      pk: 'DIRECTORY#v1',
      sk: `MEMBER#${member.email}`,
      member,
    }));
    dynamo
      .on(QueryCommand)
      .callsFake(async ({ ExclusiveStartKey }: QueryCommandInput) =>
        ExclusiveStartKey
          ? { Items: stored.slice(40) }
          : { Items: stored.slice(0, 40), LastEvaluatedKey: { pk: 'DIRECTORY#v1', sk: 'page-1' } },
      );
    expect(await directory.members()).toEqual(members);
    const queries = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries).toHaveLength(2);
    expect(queries[0]?.ExpressionAttributeValues).toEqual({ ':pk': 'DIRECTORY#v1' });
  });
});
