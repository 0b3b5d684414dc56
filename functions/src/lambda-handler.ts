import type { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createDynamoClient } from './clients/dynamodb.js';
import { readConfig } from './config.js';
import { createDeps } from './deps.js';
import type { TAppDeps, TAppEnv } from './http/env.js';
import { logger, metrics } from './observability.js';

/**
 * A Lambda entry point around the function's part of the app `npm start` serves, with Cognito as
 * issuer. Each function gets only what its routes need: its own app (its routes' areas only),
 * the receipt secret only where pulses are answered, given by its entry point (`lambda/pulse.ts`),
 * so no other bundle carries their code.
 */
export async function createLambdaHandler({
  createApp,
  receiptSecret,
}: {
  createApp: (deps: TAppDeps) => Hono<TAppEnv>;
  receiptSecret?: () => Promise<string>;
}) {
  const config = readConfig({
    ...process.env,
    RECEIPT_SECRET: receiptSecret ? await receiptSecret() : undefined,
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
