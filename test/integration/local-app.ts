import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { readConfig } from '@boucle/functions/config';
import { createDeps } from '@boucle/functions/deps';
import { ensureTable } from '@boucle/functions/local/create-table';
import { rolesOf, type TMember } from '@boucle/shared';

/** The app's clock: tests that replay days move it. */
export type TClock = { now: Date };

/** The real app on a fresh table of the shared DynamoDB Local. */
export async function localApp(
  shards = 4,
  clock: TClock = { now: new Date('2026-11-20T10:00:00Z') },
) {
  const config = readConfig({
    TABLE_NAME: `boucle-${randomUUID()}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    AWS_REGION: 'eu-west-3',
    RECEIPT_SECRET: 'integration-secret-of-at-least-32-chars',
    ANONYMITY_K: '5',
    TALLY_SHARDS: String(shards),
    AUTH_ISSUER: 'test',
    AUTH_AUDIENCE: 'boucle',
  });
  const client = createDynamoClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  await ensureTable(client, config.TABLE_NAME);
  const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'test', 'boucle');
  const deps = createDeps({
    config,
    client,
    localIssuer: issuer,
    overrides: { now: () => clock.now },
  });
  const app = createApp(deps);
  const call = async (member: TMember, method: string, path: string, body?: unknown) => {
    const token = await issuer.sign({
      email: member.email,
      name: member.name,
      roles: rolesOf(member),
    });
    return app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  };
  return { app, deps, call, clock, client, tableName: config.TABLE_NAME };
}
