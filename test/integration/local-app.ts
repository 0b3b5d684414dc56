import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createVerifier } from '@boucle/functions/auth/verifier';
import type { TAppDeps } from '@boucle/functions/http/env';
import { ensureTable } from '@boucle/functions/local/create-table';
import { DirectoryRepository } from '@boucle/functions/repositories/directory';
import { IterationsRepository } from '@boucle/functions/repositories/iterations';
import { ResponsesRepository } from '@boucle/functions/repositories/responses';
import { rolesOf, type TMember } from '@boucle/shared';

/** The real app on a fresh table of the shared DynamoDB Local. */
export async function localApp(shards = 4) {
  const client = createDynamoClient({ region: 'eu-west-3', endpoint: inject('dynamoEndpoint') });
  const table = { tableName: `boucle-${randomUUID()}` };
  await ensureTable(client, table.tableName);
  const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'test', 'boucle');
  const deps: TAppDeps = {
    iterations: new IterationsRepository(client, table),
    directory: new DirectoryRepository(client, table),
    responses: new ResponsesRepository(client, table, shards),
    receiptSecret: 'integration-secret-of-at-least-32-chars',
    k: 5,
    now: () => new Date('2026-11-20T10:00:00Z'),
    verify: createVerifier({ issuer: 'test', audience: 'boucle', keys: issuer.publicKeys }),
    localIssuer: issuer,
  };
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
  return { app, deps, call, client, table };
}
