import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TLocalIssuer } from './auth/local-issuer.js';
import { createVerifier } from './auth/verifier.js';
import type { TConfig } from './config.js';
import type { TAppDeps } from './http/env.js';
import { DirectoryRepository } from './repositories/directory.js';
import { IterationsRepository } from './repositories/iterations.js';
import { ResponsesRepository } from './repositories/responses.js';

/** Wires repositories and the token verifier from configuration: Cognito in AWS, local keys here. */
export function createDeps(
  config: TConfig,
  client: DynamoDBClient,
  localIssuer: TLocalIssuer | null,
): TAppDeps {
  const table = { tableName: config.TABLE_NAME };
  const keys = config.AUTH_JWKS_URL ? new URL(config.AUTH_JWKS_URL) : localIssuer?.publicKeys;
  if (!keys) throw new Error('Set AUTH_JWKS_URL, or run with the local issuer');
  return {
    iterations: new IterationsRepository(client, table),
    directory: new DirectoryRepository(client, table),
    responses: new ResponsesRepository(client, table, config.TALLY_SHARDS),
    receiptSecret: config.RECEIPT_SECRET ?? null,
    k: config.ANONYMITY_K,
    now: () => new Date(),
    verify: createVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, keys }),
    localIssuer: config.AUTH_JWKS_URL ? null : localIssuer,
  };
}
