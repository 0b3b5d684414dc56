import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { createDynamoClient } from './clients/dynamodb.js';
import { readConfig } from './config.js';
import { createDeps } from './deps.js';
import { logger, metrics } from './observability.js';

/**
 * A Lambda entry point around the same Hono app `npm start` serves, with Cognito as issuer.
 * Each function gets only what its routes need: the receipt secret only where pulses are answered.
 */
export async function createLambdaHandler({ withReceiptSecret }: { withReceiptSecret: boolean }) {
  const secretArn = process.env.RECEIPT_SECRET_ARN;
  if (withReceiptSecret && !secretArn) throw new Error('RECEIPT_SECRET_ARN is not set');
  const config = readConfig({
    ...process.env,
    RECEIPT_SECRET: withReceiptSecret && secretArn ? await readSecret(secretArn) : undefined,
  });
  const client = createDynamoClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  const app = handle(createApp(createDeps({ config, client, localIssuer: null })));
  return async (...[event, context]: Parameters<typeof app>) => {
    logger.appendKeys({ requestId: context?.awsRequestId ?? null });
    try {
      return await app(event, context);
    } finally {
      // Publishing nothing would log a warning on every request that counted nothing.
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

async function readSecret(secretId: string): Promise<string> {
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error(`secret ${secretId} has no string value`);
    return SecretString;
  } finally {
    client.destroy();
  }
}
