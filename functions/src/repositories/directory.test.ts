import {
  BatchWriteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { headcountOf, type TMember } from '@boucle/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DirectoryRepository } from './directory.js';

const client = new DynamoDBClient({ region: 'eu-west-3' });
const dynamo = mockClient(client);
const directory = new DirectoryRepository(client, { tableName: 'boucle-test' });

const members: TMember[] = Array.from({ length: 60 }, (_, n) => ({
  email: `m${n}@example.com`,
  name: `Member ${n}`,
  team: n % 2 ? 'Sales' : 'HR',
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: false,
  role: 'employee',
}));

describe('DirectoryRepository.replace', () => {
  beforeEach(() => {
    dynamo.reset();
    dynamo.on(GetItemCommand).resolves({
      Item: marshall({ pk: 'DIRECTORY', sk: 'CURRENT', version: 'v1', headcount: headcountOf([]) }),
    });
  });

  it('writes members in batches of 25, resends what DynamoDB left unprocessed, then switches', async () => {
    let first = true;
    dynamo
      .on(BatchWriteItemCommand)
      .callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
        const requests = input.RequestItems['boucle-test'] ?? [];
        if (first) {
          first = false;
          return { UnprocessedItems: { 'boucle-test': requests.slice(0, 2) } };
        }
        return {};
      });
    dynamo.on(PutItemCommand).resolves({});
    await directory.replace(members, new Date('2026-11-20T10:00:00Z'));
    const batches = dynamo
      .commandCalls(BatchWriteItemCommand)
      .map((call) => call.args[0].input.RequestItems?.['boucle-test']?.length);
    // Up to four batches go at once; the two unprocessed items are resent after a backoff.
    expect(batches.sort((a = 0, b = 0) => a - b)).toEqual([2, 10, 25, 25]);
    const flip = dynamo.commandCalls(PutItemCommand)[0]?.args[0].input;
    expect(flip?.ExpressionAttributeValues).toEqual(marshall({ ':previous': 'v1' }));
  });

  it('leaves the current directory in force when a batch fails', async () => {
    dynamo
      .on(BatchWriteItemCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(directory.replace(members, new Date())).rejects.toThrow('slow down');
    expect(dynamo.commandCalls(PutItemCommand)).toHaveLength(0);
  });
});
