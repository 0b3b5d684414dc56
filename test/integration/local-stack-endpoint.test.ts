import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject, describe, expect, it } from 'vitest';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { freePort } from '@boucle/functions/local/dynamodb-local';
import { startLocalStack } from '@boucle/functions/local/stack';

describe('npm start against a DynamoDB already running (DYNAMODB_ENDPOINT)', () => {
  it('makes its table there, serves the app, and leaves that DynamoDB running when it stops', async () => {
    const endpoint = inject('dynamoEndpoint');
    const tableName = `boucle-${randomUUID()}`;
    // This file's own process: the stack reads its configuration from the environment.
    process.env.TABLE_NAME = tableName;
    const stack = await startLocalStack({
      storage: { mode: 'endpoint', endpoint },
      port: await freePort(),
      webRoot: null,
      secretsFile: null,
      seed: false,
      log: () => undefined,
    });
    expect(stack.dynamoEndpoint).toBe(endpoint);
    expect((await fetch(`${stack.url}/api/health`)).status).toBe(200);
    await stack.stop();

    const client = createDynamoClient({ region: 'eu-west-3', endpoint });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    client.destroy();
  });
});
