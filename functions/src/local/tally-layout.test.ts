import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../clients/dynamodb.js';
import { readConfig } from '../config.js';
import { createDeps } from '../deps.js';
import { defaultItems, mockedApp, TABLE_NAME } from '../testing/mocked-app.js';
import { refuseTalliesOfOldLayout } from './tally-layout.js';

/** Deps over the mocked table (iteration 5 open), the old tally partition holding `count` items. */
async function depsWithOldTallies(count: number) {
  const { dynamo } = await mockedApp(defaultItems());
  dynamo
    .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'TALLY#pulse-5' } })
    .resolves({ Count: count, Items: [] });
  return createDeps({
    config: readConfig({
      TABLE_NAME,
      AUTH_ISSUER: 'test',
      AUTH_AUDIENCE: 'boucle',
      AUTH_JWKS_URL: 'https://test.invalid/jwks.json',
    }),
    client: createDynamoClient({ region: 'eu-west-3' }),
    localIssuer: null,
  });
}

describe('npm start on data of the tally layout before ADR 0021', () => {
  it('refuses to start, saying to delete .data/dynamodb', async () => {
    await expect(refuseTalliesOfOldLayout(await depsWithOldTallies(1))).rejects.toThrow(
      /delete \.data\/dynamodb/,
    );
  });

  it('starts when the open pulse has none', async () => {
    await expect(refuseTalliesOfOldLayout(await depsWithOldTallies(0))).resolves.toBeUndefined();
  });
});
