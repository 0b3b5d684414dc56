import { createLocalIssuer, generateLocalKeyPair } from '../auth/local-issuer.js';
import { createDynamoClient } from '../clients/dynamodb.js';
import { readConfig, type TConfig } from '../config.js';
import { createDeps } from '../deps.js';
import type { TAppDeps } from '../http/env.js';
import { ensureTable } from './create-table.js';
import { startDynamoLocal, type TDynamoLocalOptions } from './dynamodb-local.js';
import { loadOrCreateLocalSecrets } from './local-secrets.js';
import { seedDemoOrganisation } from './seed.js';
import { refuseTalliesOfOldLayout } from './tally-layout.js';
import { startLocalServer } from './server.js';

export const LOCAL_ISSUER = 'https://boucle.local/issuer';
export const LOCAL_AUDIENCE = 'boucle';

/** The configuration of the app on this machine: the environment's, on this DynamoDB and key. */
export function localConfig(dynamoEndpoint: string, receiptSecret: string): TConfig {
  return readConfig({
    ...process.env,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-3',
    RECEIPT_SECRET: receiptSecret,
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS_URL: undefined,
  });
}

/** DynamoDB Local started here, or a DynamoDB already running at an endpoint (kept running). */
export type TLocalStorage = TDynamoLocalOptions | { mode: 'endpoint'; endpoint: string };

export type TLocalStackOptions = {
  storage: TLocalStorage;
  port: number;
  webRoot: string | null;
  /** Where the local key and receipt secret are kept; fresh ones each run when null. */
  secretsFile: string | null;
  seed: boolean;
  log: (line: string) => void;
};

export type TLocalStack = {
  url: string;
  dynamoEndpoint: string;
  deps: TAppDeps;
  stop: () => Promise<void>;
};

/**
 * DynamoDB Local (or the DynamoDB at a given endpoint), the table (made if missing), the demo
 * data and the app on one port: `npm start` and the e2e tests.
 */
export async function startLocalStack(options: TLocalStackOptions): Promise<TLocalStack> {
  const dynamo =
    options.storage.mode === 'endpoint'
      ? { endpoint: options.storage.endpoint, stop: async () => undefined }
      : await startDynamoLocal(options.storage);
  try {
    const secrets = options.secretsFile
      ? await loadOrCreateLocalSecrets(options.secretsFile)
      : { keyPair: await generateLocalKeyPair(), receiptSecret: 'test-receipt-secret-'.repeat(3) };
    const config = localConfig(dynamo.endpoint, secrets.receiptSecret);
    const client = createDynamoClient({ region: config.AWS_REGION, endpoint: dynamo.endpoint });
    await ensureTable(client, config.TABLE_NAME);
    const issuer = await createLocalIssuer(secrets.keyPair, LOCAL_ISSUER, LOCAL_AUDIENCE);
    const deps = createDeps({ config, client, localIssuer: issuer });
    await refuseTalliesOfOldLayout(deps);
    if (options.seed) await seedDemoOrganisation(deps, options.log);
    const server = await startLocalServer(deps, options.port, options.webRoot);
    return {
      url: server.url,
      dynamoEndpoint: dynamo.endpoint,
      deps,
      stop: async () => {
        await server.close();
        client.destroy();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
