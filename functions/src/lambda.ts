import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { createDynamoClient } from './clients/dynamodb.js';
import { readConfig } from './config.js';
import { createDeps } from './deps.js';

const config = readConfig();
const client = createDynamoClient({
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
});

/** API Gateway entry point: the same Hono app `npm start` serves, with Cognito's issuer. */
export const handler = handle(createApp(createDeps(config, client, null)));
